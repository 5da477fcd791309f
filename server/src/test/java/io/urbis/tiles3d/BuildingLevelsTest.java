package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.source.ModelBounds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildingLevelsTest {

  /** 2,000 buildings of 5-40 m and a few 150-400 m halls, scattered over about 6 by 5 km near Wesel. */
  private static List<ModelBounds> city() {
    Random random = new Random(42);
    List<ModelBounds> buildings = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      double size = i % 100 == 0 ? 150 + random.nextDouble() * 250 : 5 + random.nextDouble() * 35;
      double lon = 6.58 + random.nextDouble() * 0.08;
      double lat = 51.64 + random.nextDouble() * 0.045;
      double dLon = size / (111_320 * Math.cos(Math.toRadians(lat)));
      double dLat = size / 111_320;
      buildings.add(new ModelBounds("b" + i, lon, lat, lon + dLon, lat + dLat, 20, 20 + random.nextDouble() * 30));
    }
    return buildings;
  }

  @Test
  void everyBuildingIsInExactlyOneTile() {
    List<ModelBounds> city = city();
    TileIndex index = BuildingLevels.index(city, 0);
    List<String> placed = new ArrayList<>();
    index.contentTiles().forEach(tile -> placed.addAll(index.featureIds(tile)));
    assertEquals(city.size(), placed.size());
    assertEquals(city.size(), new HashSet<>(placed).size());
  }

  @Test
  void everyTileRegionContainsItsBuildingsFootprintsAndHeights() {
    List<ModelBounds> city = city();
    TileIndex index = BuildingLevels.index(city, 47);
    TilingScheme scheme = index.scheme();
    Map<String, TileId> tiles = tilesByFeature(index);
    for (ModelBounds b : city) {
      TileId tile = tiles.get(b.id());
      double[] bounds = scheme.bounds(tile);
      assertTrue(bounds[0] <= b.minLon() && b.maxLon() <= bounds[2], b + " in " + tile);
      assertTrue(bounds[1] <= b.minLat() && b.maxLat() <= bounds[3], b + " in " + tile);
      assertTrue(scheme.minHeight() <= b.minZ() + 47 && b.maxZ() + 47 <= scheme.maxHeight());
    }
  }

  @Test
  void largerBuildingsSitHigherAndNoTileHoldsOneOverAnEighthOfItsSize() {
    TileIndex index = BuildingLevels.index(city(), 0);
    TilingScheme scheme = index.scheme();
    assertTrue(scheme.availableLevels() >= 4, "6 km down to leaves of at most 1 km");
    int hallLevels = 0;
    Map<String, TileId> tiles = tilesByFeature(index);
    for (ModelBounds b : city()) {
      TileId tile = tiles.get(b.id());
      double size = Math.max(TilingScheme.widthMetres(b.minLon(), b.maxLon(), b.minLat()),
          TilingScheme.heightMetres(b.minLat(), b.maxLat()));
      assertTrue(tile.level() == 0 || size <= scheme.tileSizeMetres(tile.level()) / 8 + 1e-9, b.id());
      if (size > 150) {
        hallLevels = Math.max(hallLevels, tile.level());
      }
    }
    assertTrue(hallLevels < scheme.availableLevels() - 1, "halls stay above the leaves");
  }

  @Test
  void sparseSiblingsMergeIntoTheirParentUntilTheyWouldHoldTooMany() {
    List<ModelBounds> all = city();
    TileIndex sparse = BuildingLevels.index(all.subList(0, 100), 0);
    assertEquals(Set.of(TileId.ROOT), sparse.contentTiles(), "100 buildings: one tile");
    TilingScheme scheme = BuildingLevels.index(all, 0).scheme();
    Map<TileId, List<String>> contents = new HashMap<>();
    for (ModelBounds b : all) {
      contents.computeIfAbsent(BuildingLevels.tileOf(scheme, b), t -> new ArrayList<>()).add(b.id());
    }
    int unmerged = contents.size();
    BuildingLevels.mergeSparseSiblings(contents, scheme.availableLevels());
    assertTrue(contents.size() < unmerged, contents.size() + " tiles, not " + unmerged);
    for (TileId tile : contents.keySet()) {
      if (tile.level() > 0) {
        List<TileId> family = new ArrayList<>(List.of(tile.parent()));
        for (int i = 0; i < 4; i++) {
          family.add(tile.parent().descendant(1, i % 2, i / 2));
        }
        int together = family.stream().mapToInt(t -> contents.getOrDefault(t, List.of()).size()).sum();
        assertTrue(together > BuildingLevels.FEATURES_PER_MERGED_TILE, tile + " could have merged: " + together);
      }
    }
  }

  @Test
  void noTileAboveContentIsEmptyAndEveryBuildingStaysInOneTile() {
    TileIndex index = BuildingLevels.index(city(), 0);
    for (TileId tile : index.contentTiles()) {
      for (TileId above = tile; above.level() > 0; above = above.parent()) {
        assertTrue(index.hasContent(above.parent()), above.parent() + " above " + tile + " is empty");
      }
    }
    assertEquals(2000, tilesByFeature(index).size(), "every building still in exactly one tile");
  }

  private static Map<String, TileId> tilesByFeature(TileIndex index) {
    Map<String, TileId> tiles = new HashMap<>();
    for (TileId tile : index.contentTiles()) {
      index.featureIds(tile).forEach(id -> assertEquals(null, tiles.put(id, tile), id + " in two tiles"));
    }
    return tiles;
  }

  @Test
  void geometricErrorHalvesFromLevelToLevel() {
    TilingScheme scheme = BuildingLevels.index(city(), 0).scheme();
    for (int level = 1; level < scheme.availableLevels(); level++) {
      assertEquals(scheme.geometricError(level - 1) / 2, scheme.geometricError(level), 1e-9);
    }
    assertTrue(scheme.tileSizeMetres(scheme.availableLevels() - 1) <= TilingScheme.LEAF_SIZE_METRES);
  }

  @Test
  void everyAncestorOfContentIsAvailableAndNothingElse() {
    TileIndex index = BuildingLevels.index(city(), 0);
    Set<TileId> expected = new HashSet<>();
    for (TileId tile : index.contentTiles()) {
      for (TileId t = tile; ; t = t.parent()) {
        expected.add(t);
        if (t.level() == 0) {
          break;
        }
      }
    }
    int available = 0;
    for (int level = 0; level < index.scheme().availableLevels(); level++) {
      for (long x = 0; x < 1L << level; x++) {
        for (long y = 0; y < 1L << level; y++) {
          TileId tile = new TileId(level, x, y);
          assertEquals(expected.contains(tile), index.isAvailable(tile), tile.toString());
          available += index.isAvailable(tile) ? 1 : 0;
        }
      }
    }
    assertEquals(expected.size(), available);
  }

  @Test
  void contentBatchesHoldEveryTileOnceAndAtMostTheirFeaturesUnlessATileHasMore() {
    TileIndex index = BuildingLevels.index(city(), 0);
    List<List<TileId>> batches = index.contentBatches(1000);
    List<TileId> batched = batches.stream().flatMap(List::stream).toList();
    assertEquals(index.contentTiles(), new HashSet<>(batched));
    assertEquals(index.contentTiles().size(), batched.size());
    for (List<TileId> batch : batches) {
      int features = batch.stream().mapToInt(tile -> index.featureIds(tile).size()).sum();
      assertTrue(features <= 1000 || batch.size() == 1, batch + " holds " + features);
    }
    assertTrue(batches.size() < index.contentTiles().size() / 2, "most batches hold several tiles");
  }
}
