package io.urbis.tiles3d;

import io.urbis.source.ModelBounds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts every feature into exactly one tile: the deepest whose size is at least eight times the feature's and that
 * holds the feature's whole footprint. Large buildings thus sit high in the tree and show from afar, small ones
 * deeper; a feature never crosses the edge of its tile, so each tile's region contains its content. Where buildings
 * are sparse, sibling tiles then merge into their parent while together they stay small, so a client loads a few
 * full tiles rather than many nearly empty ones; a parent still left empty takes the largest building of each child,
 * so that with additive refinement something of the city shows at every zoom.
 */
public final class BuildingLevels {

  /** A tile is at least this many times larger than the features it holds. */
  static final double TILE_PER_FEATURE_SIZE = 1 / TilingScheme.ERROR_PER_TILE_SIZE;

  /** Sibling tiles (with their parent's own content) merge into the parent while they hold at most this many. */
  static final int FEATURES_PER_MERGED_TILE = 256;

  private BuildingLevels() {}

  /** The index of all features; heights are raised by {@code geoidOffset} to be ellipsoidal. */
  public static TileIndex index(List<ModelBounds> features, double geoidOffset) {
    TilingScheme scheme = schemeCovering(features, geoidOffset);
    Map<TileId, List<String>> contents = new HashMap<>();
    Map<String, Double> sizes = new HashMap<>();
    for (ModelBounds feature : features) {
      contents.computeIfAbsent(tileOf(scheme, feature), t -> new ArrayList<>()).add(feature.id());
      sizes.put(feature.id(), sizeMetres(feature));
    }
    mergeSparseSiblings(contents, scheme.availableLevels());
    fillEmptyParents(contents, sizes, scheme.availableLevels());
    return new TileIndex(scheme, contents);
  }

  /**
   * Bottom-up, a tile without content above tiles with content takes the largest feature of each child that holds
   * more than one, so that no tile a client passes on its way down is empty (one whose children hold a single
   * feature each stays so). A parent covers its children and is larger: the features still lie within their tile
   * and are still small for it.
   */
  static void fillEmptyParents(Map<TileId, List<String>> contents, Map<String, Double> sizes, int levels) {
    for (int level = levels - 1; level > 0; level--) {
      Map<TileId, List<TileId>> families = new HashMap<>();
      for (TileId tile : contents.keySet()) {
        if (tile.level() == level && !contents.containsKey(tile.parent())) {
          families.computeIfAbsent(tile.parent(), p -> new ArrayList<>()).add(tile);
        }
      }
      families.forEach((parent, children) -> {
        List<String> lifted = new ArrayList<>();
        for (TileId child : children) {
          List<String> ids = contents.get(child);
          if (ids.size() > 1) {
            String largest = Collections.max(ids, Comparator.comparingDouble(sizes::get));
            ids.remove(largest);
            lifted.add(largest);
          }
        }
        if (!lifted.isEmpty()) {
          contents.put(parent, lifted);
        }
      });
    }
  }

  /**
   * Bottom-up, moves the content of sibling tiles into their parent while all of it together, the parent's own
   * included, is at most {@link #FEATURES_PER_MERGED_TILE} features; repeated until nothing merges, because a parent
   * that merged upwards may leave its children a family small enough to merge. A parent covers its children and is
   * larger, so each feature still lies within its tile and is still small for it.
   */
  static void mergeSparseSiblings(Map<TileId, List<String>> contents, int levels) {
    boolean merged;
    do {
      merged = false;
      for (int level = levels - 1; level > 0; level--) {
        merged |= mergeLevel(contents, level);
      }
    } while (merged);
  }

  private static boolean mergeLevel(Map<TileId, List<String>> contents, int level) {
    Map<TileId, List<TileId>> siblings = new HashMap<>();
    for (TileId tile : contents.keySet()) {
      if (tile.level() == level) {
        siblings.computeIfAbsent(tile.parent(), p -> new ArrayList<>()).add(tile);
      }
    }
    boolean merged = false;
    for (Map.Entry<TileId, List<TileId>> family : siblings.entrySet()) {
      int total = contents.getOrDefault(family.getKey(), List.of()).size();
      for (TileId child : family.getValue()) {
        total += contents.get(child).size();
      }
      if (total <= FEATURES_PER_MERGED_TILE) {
        List<String> parent = contents.computeIfAbsent(family.getKey(), p -> new ArrayList<>());
        for (TileId child : family.getValue()) {
          parent.addAll(contents.remove(child));
        }
        merged = true;
      }
    }
    return merged;
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

  /** The larger side of the feature's footprint box, metres. */
  static double sizeMetres(ModelBounds feature) {
    return Math.max(
        TilingScheme.widthMetres(feature.minLon(), feature.maxLon(), (feature.minLat() + feature.maxLat()) / 2),
        TilingScheme.heightMetres(feature.minLat(), feature.maxLat()));
  }

  /** The deepest tile that is large enough for the feature and holds all of its footprint. */
  static TileId tileOf(TilingScheme scheme, ModelBounds feature) {
    double size = sizeMetres(feature);
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
