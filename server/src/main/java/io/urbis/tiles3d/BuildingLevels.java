package io.urbis.tiles3d;

import io.urbis.source.ModelBounds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts every feature into exactly one tile of a loose quadtree, so that every view shows the city as it looks from
 * that distance: all of it thinned evenly from afar, then denser, and whole up close.
 *
 * <p>A feature belongs to the tile of its centre, never to the tile of its edges. Were tiles to hold their features'
 * whole footprints, a building crossing a tile's edge would have to rise to the smallest tile holding it, up to the
 * root, and the coarse levels would show lines of buildings along the edges of the quadtree. The tree is loose
 * instead: each tile's region grows to hold what it has ({@link TileIndex}).
 *
 * <p>Where it goes down the tree, a feature goes first by its size: to the deepest level whose tiles are at least
 * eight times larger, so that large buildings show from afar. Above that, every tile above the leaves carries a
 * sample, evenly spread: the tallest of the features of each of its cells (the tiles {@link #SAMPLE_DEPTH} levels
 * below it) that no coarser tile took. From afar a city reads by its skyline, and the tallest buildings are what
 * stands out of it; the height of a building says nothing of where the quadtree's edges are, so the sample crosses
 * them no more often than the whole city does. Every district, even a hamlet, thus shows at every distance, at about
 * one building per cell, and each level down adds the next, denser sample, until the leaves hold the rest. With
 * additive refinement each feature is in one tile only, so a tileset weighs what its features weigh.
 *
 * <p>Where buildings are sparse, sibling tiles then merge into their parent while together they stay small, so a
 * client loads a few full tiles rather than many nearly empty ones.
 */
public final class BuildingLevels {

  /** A tile is at least this many times larger than the features it holds by their size. */
  static final double TILE_PER_FEATURE_SIZE = 1 / TilingScheme.ERROR_PER_TILE_SIZE;

  /**
   * A tile's cells are the tiles this many levels below it: 16 by 16, so a tile carries up to 256 sampled buildings,
   * as many as a merged tile. CesiumJS refines a tile when it spans about 128 pixels
   * ({@link TilingScheme#geometricError}), so before the next level fills in, the buildings sampled are no more
   * than about 8 pixels apart where the city is dense.
   */
  static final int SAMPLE_DEPTH = 4;

  /** Sibling tiles (with their parent's own content) merge into the parent while they hold at most this many. */
  static final int FEATURES_PER_MERGED_TILE = 256;

  private BuildingLevels() {}

  /** The index of all features; heights are raised by {@code geoidOffset} to be ellipsoidal. */
  public static TileIndex index(List<ModelBounds> features, double geoidOffset) {
    TilingScheme scheme = schemeCovering(features, geoidOffset);
    Map<TileId, List<ModelBounds>> contents = place(scheme, features);
    mergeSparseSiblings(contents, scheme.availableLevels());
    return new TileIndex(scheme, contents, geoidOffset);
  }

  /**
   * Level by level from the root, each tile takes the features whose size puts them there and the tallest feature of
   * each of its cells not yet taken; the leaves take what is left. Each tile keeps its features in the order given.
   */
  static Map<TileId, List<ModelBounds>> place(TilingScheme scheme, List<ModelBounds> features) {
    Map<TileId, List<ModelBounds>> contents = new HashMap<>();
    int leaves = scheme.availableLevels() - 1;
    int finest = leaves - 1 + SAMPLE_DEPTH;
    List<Placing> left = features.stream().map(f -> Placing.of(scheme, finest, f)).toList();
    for (int level = 0; level < leaves && !left.isEmpty(); level++) {
      Map<TileId, Placing> tallest = new HashMap<>();
      for (Placing placing : left) {
        if (placing.levelBySize() > level) {
          tallest.merge(placing.tile(level + SAMPLE_DEPTH), placing,
              (taken, other) -> other.height() > taken.height() ? other : taken);
        }
      }
      Set<Placing> sampled = Collections.newSetFromMap(new IdentityHashMap<>());
      sampled.addAll(tallest.values());
      List<Placing> deeper = new ArrayList<>();
      for (Placing placing : left) {
        if (placing.levelBySize() <= level || sampled.contains(placing)) {
          contents.computeIfAbsent(placing.tile(level), t -> new ArrayList<>()).add(placing.feature());
        } else {
          deeper.add(placing);
        }
      }
      left = deeper;
    }
    for (Placing placing : left) {
      contents.computeIfAbsent(placing.tile(leaves), t -> new ArrayList<>()).add(placing.feature());
    }
    return contents;
  }

  /**
   * A feature yet to be placed: the level its size puts it on, its height and the column and row of its centre on
   * the finest level of cells, from which those of every coarser level follow by dropping bits.
   */
  private record Placing(ModelBounds feature, int levelBySize, double height, int finest, long x, long y) {

    static Placing of(TilingScheme scheme, int finest, ModelBounds feature) {
      TileId cell = tileOf(scheme, finest, feature);
      return new Placing(feature, BuildingLevels.levelBySize(scheme, feature), feature.maxZ() - feature.minZ(),
          finest, cell.x(), cell.y());
    }

    /** The tile of the level holding the feature's centre. */
    TileId tile(int level) {
      return new TileId(level, x >> (finest - level), y >> (finest - level));
    }
  }

  /**
   * Bottom-up, moves the content of sibling tiles into their parent while all of it together, the parent's own
   * included, is at most {@link #FEATURES_PER_MERGED_TILE} features; repeated until nothing merges, because a parent
   * that merged upwards may leave its children a family small enough to merge. A parent is larger than its children,
   * so each feature is still small for its tile; the parent's region grows to hold them.
   */
  static <T> void mergeSparseSiblings(Map<TileId, List<T>> contents, int levels) {
    boolean merged;
    do {
      merged = false;
      for (int level = levels - 1; level > 0; level--) {
        merged |= mergeLevel(contents, level);
      }
    } while (merged);
  }

  private static <T> boolean mergeLevel(Map<TileId, List<T>> contents, int level) {
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
        List<T> parent = contents.computeIfAbsent(family.getKey(), p -> new ArrayList<>());
        for (TileId child : family.getValue()) {
          parent.addAll(contents.remove(child));
        }
        merged = true;
      }
    }
    return merged;
  }

  static TilingScheme schemeCovering(List<ModelBounds> features, double geoidOffset) {
    if (features.isEmpty()) {
      return new TilingScheme(0, 0, 0, 0, 0, 0, 1);
    }
    Region all = Region.of(features, geoidOffset);
    return TilingScheme.covering(all.west(), all.south(), all.east(), all.north(), all.minHeight(), all.maxHeight());
  }

  /** The larger side of the feature's footprint box, metres. */
  static double sizeMetres(ModelBounds feature) {
    return Math.max(
        TilingScheme.widthMetres(feature.minLon(), feature.maxLon(), (feature.minLat() + feature.maxLat()) / 2),
        TilingScheme.heightMetres(feature.minLat(), feature.maxLat()));
  }

  /** The deepest level whose tiles are at least {@link #TILE_PER_FEATURE_SIZE} times larger than the feature. */
  static int levelBySize(TilingScheme scheme, ModelBounds feature) {
    double size = sizeMetres(feature);
    int level = scheme.availableLevels() - 1;
    while (level > 0 && scheme.tileSizeMetres(level) < size * TILE_PER_FEATURE_SIZE) {
      level--;
    }
    return level;
  }

  /** The tile of the level holding the feature's centre; levels below the leaves are the cells of sampling. */
  static TileId tileOf(TilingScheme scheme, int level, ModelBounds feature) {
    return new TileId(level, scheme.column(level, (feature.minLon() + feature.maxLon()) / 2),
        scheme.row(level, (feature.minLat() + feature.maxLat()) / 2));
  }
}
