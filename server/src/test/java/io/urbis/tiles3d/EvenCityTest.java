package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.source.ModelBounds;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tiling of the 200,000 buildings of the certification city ({@link CertificationCity}): from afar it shows the
 * whole city evenly, never the grid of the quadtree.
 */
class EvenCityTest {

  private static List<CertificationCity.Building> city;
  private static List<ModelBounds> bounds;
  private static TileIndex index;

  @BeforeAll
  static void tileTheCity(@TempDir Path folder) throws Exception {
    city = CertificationCity.buildings(folder);
    bounds = city.stream().map(CertificationCity.Building::bounds).toList();
    long start = System.nanoTime();
    index = BuildingLevels.index(bounds, 0);
    System.out.printf("certification city: %d buildings in %d tiles on %d levels, indexed in %d ms%n", bounds.size(),
        index.contentTiles().size(), index.scheme().availableLevels(), (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void theCoarsestLevelsCrossTileEdgesAsOftenAsTheWholeCity() {
    GridMeasure coarse = GridMeasure.ofTwoCoarsestLevels(index, bounds);
    System.out.println("certification city, two coarsest levels: " + coarse);
    assertTrue(coarse.buildings() > 1000, "the overview shows a thousand buildings or more: " + coarse);
    assertTrue(coarse.crossAtMost(1.5), coarse.toString());
    GridMeasure aboveLeaves = GridMeasure.of(index, bounds, level -> true);
    System.out.println("certification city, every level above the leaves: " + aboveLeaves);
    assertTrue(aboveLeaves.ratio() <= 1.5 && aboveLeaves.ratio() >= 1 / 1.5, aboveLeaves.toString());
  }

  @Test
  void everyDistrictShowsFromTheDistanceOfTheWholeCity() {
    TilingScheme scheme = index.scheme();
    int shown = CesiumView.deepestLevelShown(scheme, CesiumView.cityDistance(scheme));
    assertTrue(shown < scheme.availableLevels() - 2, "the overview shows the coarse levels only: " + shown);
    Map<String, String> districts = city.stream()
        .collect(Collectors.toMap(b -> b.bounds().id(), CertificationCity.Building::district));
    Set<String> seen = index.contentTiles().stream().filter(tile -> tile.level() <= shown)
        .flatMap(tile -> index.featureIds(tile).stream()).map(districts::get).collect(Collectors.toSet());
    Set<String> missing = new TreeSet<>(districts.values());
    missing.removeAll(seen);
    System.out.printf("certification city from afar: %d buildings on levels 0 to %d, of %d districts %d missing%n",
        index.contentTiles().stream().filter(tile -> tile.level() <= shown)
            .mapToInt(tile -> index.featureIds(tile).size()).sum(), shown, new TreeSet<>(districts.values()).size(),
        missing.size());
    assertEquals(Set.of(), missing, "districts without a building on levels 0 to " + shown);
  }

  @Test
  void everyBuildingIsInOneTileAndNoTileHoldsMuchMoreThanAMergedOne() {
    Map<String, TileId> tiles = index.contentTiles().stream().flatMap(tile -> index.featureIds(tile).stream()
        .map(id -> Map.entry(id, tile))).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertEquals(CertificationCity.BUILDINGS, tiles.size());
    int largest = index.contentTiles().stream().mapToInt(tile -> index.featureIds(tile).size()).max().orElseThrow();
    assertTrue(largest <= 2 * BuildingLevels.FEATURES_PER_MERGED_TILE, "the largest tile holds " + largest);
    assertTrue(index.contentTiles().size() < CertificationCity.BUILDINGS / 50, index.contentTiles().size() + " tiles");
  }
}
