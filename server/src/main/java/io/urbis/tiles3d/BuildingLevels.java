package io.urbis.tiles3d;

import io.urbis.source.ModelBounds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts every feature into exactly one tile: the deepest whose size is at least eight times the feature's and that
 * holds the feature's whole footprint. Large buildings thus sit high in the tree and show from afar, small ones
 * deeper; a feature never crosses the edge of its tile, so each tile's region contains its content. With additive
 * refinement the city is visible at every zoom: no tile is an empty parent.
 */
public final class BuildingLevels {

  /** A tile is at least this many times larger than the features it holds. */
  static final double TILE_PER_FEATURE_SIZE = 1 / TilingScheme.ERROR_PER_TILE_SIZE;

  private BuildingLevels() {}

  /** The index of all features; heights are raised by {@code geoidOffset} to be ellipsoidal. */
  public static TileIndex index(List<ModelBounds> features, double geoidOffset) {
    TilingScheme scheme = schemeCovering(features, geoidOffset);
    Map<TileId, List<String>> contents = new HashMap<>();
    for (ModelBounds feature : features) {
      contents.computeIfAbsent(tileOf(scheme, feature), t -> new ArrayList<>()).add(feature.id());
    }
    return new TileIndex(scheme, contents);
  }

  static TilingScheme schemeCovering(List<ModelBounds> features, double geoidOffset) {
    double west = Double.POSITIVE_INFINITY;
    double south = Double.POSITIVE_INFINITY;
    double east = Double.NEGATIVE_INFINITY;
    double north = Double.NEGATIVE_INFINITY;
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (ModelBounds f : features) {
      west = Math.min(west, f.minLon());
      south = Math.min(south, f.minLat());
      east = Math.max(east, f.maxLon());
      north = Math.max(north, f.maxLat());
      low = Math.min(low, f.minZ());
      high = Math.max(high, f.maxZ());
    }
    if (features.isEmpty()) {
      return new TilingScheme(0, 0, 0, 0, 0, 0, 1);
    }
    return TilingScheme.covering(west, south, east, north, low + geoidOffset, high + geoidOffset);
  }

  /** The deepest tile that is large enough for the feature and holds all of its footprint. */
  static TileId tileOf(TilingScheme scheme, ModelBounds feature) {
    double size = Math.max(
        TilingScheme.widthMetres(feature.minLon(), feature.maxLon(), (feature.minLat() + feature.maxLat()) / 2),
        TilingScheme.heightMetres(feature.minLat(), feature.maxLat()));
    for (int level = scheme.availableLevels() - 1; level > 0; level--) {
      long x = scheme.column(level, feature.minLon());
      long y = scheme.row(level, feature.minLat());
      boolean fits = x == scheme.column(level, feature.maxLon()) && y == scheme.row(level, feature.maxLat());
      if (fits && scheme.tileSizeMetres(level) >= size * TILE_PER_FEATURE_SIZE) {
        return new TileId(level, x, y);
      }
    }
    return TileId.ROOT;
  }
}
