package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
  void eachContentRegionHoldsItsBuildingsAndEachTileRegionItsContentAndItsChildren() {
    List<ModelBounds> city = city();
    TileIndex index = BuildingLevels.index(city, 47);
    Map<String, TileId> tiles = tilesByFeature(index);
    for (ModelBounds b : city) {
      assertHolds(index.contentRegion(tiles.get(b.id())), Region.of(List.of(b), 47), b.id());
    }
    for (TileId tile : index.contentTiles()) {
      assertHolds(index.tileRegion(tile), index.contentRegion(tile), tile.toString());
    }
    for (int level = 1; level < index.scheme().availableLevels(); level++) {
      for (long x = 0; x < 1L << level; x++) {
        for (long y = 0; y < 1L << level; y++) {
          TileId tile = new TileId(level, x, y);
          if (index.isAvailable(tile)) {
            assertHolds(index.tileRegion(tile.parent()), index.tileRegion(tile), tile + " in its parent");
          }
        }
      }
    }
    double[] root = index.scheme().region(TileId.ROOT);
    assertArrayEquals(root, index.tileRegion(TileId.ROOT).radians(), 1e-12, "the root's is the tileset's region");
  }

  @Test
  void buildingsBelongToTheTileOfTheirCentreThoughTheyReachIntoItsNeighbour() {
    List<ModelBounds> city = city();
    TileIndex index = BuildingLevels.index(city, 0);
    TilingScheme scheme = index.scheme();
    int reaching = 0;
    for (Map.Entry<String, TileId> placed : tilesByFeature(index).entrySet()) {
      ModelBounds b = city.get(Integer.parseInt(placed.getKey().substring(1)));
      TileId tile = placed.getValue();
      assertEquals(BuildingLevels.tileOf(scheme, tile.level(), b), tile, b.id());
      double[] square = scheme.bounds(tile);
      reaching += b.minLon() < square[0] || b.maxLon() > square[2] || b.minLat() < square[1]
          || b.maxLat() > square[3] ? 1 : 0;
    }
    assertTrue(reaching > 0, "some buildings cross the edge of their tile's square and stay in it");
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
    Map<TileId, List<ModelBounds>> contents = BuildingLevels.place(scheme, all);
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

  @Test
  void everyTileAboveTheLeavesCarriesTheTallestBuildingOfEachOfItsCellsNotTakenAbove() {
    List<ModelBounds> city = city();
    TilingScheme scheme = BuildingLevels.schemeCovering(city, 0);
    Map<TileId, List<ModelBounds>> placed = BuildingLevels.place(scheme, city);
    Map<String, Integer> levels = new HashMap<>();
    placed.forEach((tile, features) -> features.forEach(f -> levels.put(f.id(), tile.level())));
    for (int level = 0; level < scheme.availableLevels() - 1; level++) {
      Map<TileId, ModelBounds> tallest = new HashMap<>();
      for (ModelBounds b : city) {
        if (levels.get(b.id()) >= level && BuildingLevels.levelBySize(scheme, b) > level) {
          tallest.merge(BuildingLevels.tileOf(scheme, level + BuildingLevels.SAMPLE_DEPTH, b), b,
              (one, other) -> other.maxZ() - other.minZ() > one.maxZ() - one.minZ() ? other : one);
        }
      }
      for (ModelBounds b : tallest.values()) {
        assertEquals(level, levels.get(b.id()), b.id() + ", the tallest of its cell, on level " + level);
      }
      int cells = 1 << BuildingLevels.SAMPLE_DEPTH;
      int sampledLevel = level;
      for (Map.Entry<TileId, List<ModelBounds>> tile : placed.entrySet()) {
        if (tile.getKey().level() == level) {
          long bySize = tile.getValue().stream()
              .filter(b -> BuildingLevels.levelBySize(scheme, b) == sampledLevel).count();
          assertTrue(tile.getValue().size() - bySize <= cells * cells, tile.getKey() + ": one per cell at most");
        }
      }
    }
  }

  @Test
  void theTwoCoarsestLevelsCrossTileEdgesAsOftenAsTheWholeCity() {
    List<ModelBounds> city = city();
    GridMeasure coarse = GridMeasure.ofTwoCoarsestLevels(BuildingLevels.index(city, 0), city);
    assertTrue(coarse.buildings() > 200, coarse.toString());
    assertTrue(coarse.crossAtMost(1.5), coarse.toString());
  }

  private static void assertHolds(Region outer, Region inner, String what) {
    assertTrue(outer.west() <= inner.west() && inner.east() <= outer.east(), what + ": " + inner + " in " + outer);
    assertTrue(outer.south() <= inner.south() && inner.north() <= outer.north(), what + ": " + inner + " in " + outer);
    assertTrue(outer.minHeight() <= inner.minHeight() && inner.maxHeight() <= outer.maxHeight(), what);
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
