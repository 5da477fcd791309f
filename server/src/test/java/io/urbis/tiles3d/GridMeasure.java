package io.urbis.tiles3d;

import io.urbis.source.ModelBounds;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * How much the content of some levels of a tileset lines up along the edges of the quadtree: of the buildings on those
 * levels, how many cross an edge of the tiles one level below theirs, against how many would if they crossed these
 * edges as often as all the buildings of the city do. Lines of buildings along tile edges make many more; an even
 * city about as many.
 *
 * @param buildings the buildings on the levels measured
 * @param crossing how many of them cross an edge of the level below theirs
 * @param expected how many would, at the share of all buildings crossing those edges
 */
public record GridMeasure(int buildings, int crossing, double expected) {

  /** The measure of the levels {@code measured} of the index over all its features. */
  public static GridMeasure of(TileIndex index, List<ModelBounds> features, IntPredicate measured) {
    TilingScheme scheme = index.scheme();
    Map<String, ModelBounds> byId = features.stream().collect(Collectors.toMap(ModelBounds::id, Function.identity()));
    int buildings = 0;
    int crossing = 0;
    double expected = 0;
    for (int level = 0; level < scheme.availableLevels() - 1; level++) {
      if (!measured.test(level)) {
        continue;
      }
      int edges = level + 1;
      double share = features.stream().filter(f -> crosses(scheme, edges, f)).count() / (double) features.size();
      for (TileId tile : index.contentTiles()) {
        if (tile.level() == level) {
          List<String> ids = index.featureIds(tile);
          buildings += ids.size();
          crossing += (int) ids.stream().filter(id -> crosses(scheme, edges, byId.get(id))).count();
          expected += share * ids.size();
        }
      }
    }
    return new GridMeasure(buildings, crossing, expected);
  }

  /** The measure of the two coarsest levels with content. */
  public static GridMeasure ofTwoCoarsestLevels(TileIndex index, List<ModelBounds> features) {
    int[] coarsest = index.contentTiles().stream().mapToInt(TileId::level).distinct().sorted().limit(2).toArray();
    return of(index, features, level -> level == coarsest[0] || coarsest.length > 1 && level == coarsest[1]);
  }

  /** Whether the footprint's box crosses an edge between tiles of the level. */
  static boolean crosses(TilingScheme scheme, int level, ModelBounds feature) {
    return scheme.column(level, feature.minLon()) != scheme.column(level, feature.maxLon())
        || scheme.row(level, feature.minLat()) != scheme.row(level, feature.maxLat());
  }

  /**
   * Whether at most {@code factor} times as many cross as expected, give or take the chance of counting: a count of
   * rare events varies by about its square root, so three of those are allowed on top. Two coarse levels hold a
   * thousand buildings or so, of which one in a few hundred crosses one of their few edges.
   */
  public boolean crossAtMost(double factor) {
    return crossing <= factor * expected + 3 * Math.sqrt(factor * expected);
  }

  public double ratio() {
    return crossing / expected;
  }

  @Override
  public String toString() {
    return String.format("%d of %d buildings cross an edge of the level below theirs, %.1f expected (%.2f times)",
        crossing, buildings, expected, ratio());
  }
}
