package io.urbis.tiles3d;

import io.urbis.source.ModelBounds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which features each tile holds, which tiles exist and where they lie. A tile is available when it or one of its
 * descendants holds features, so that clients descending the tree reach every feature. The tree is loose: a feature
 * belongs to the tile of its centre and may reach beyond that tile's square of the quadtree, so each tile's region is
 * the box of its own content and of all its descendants', and its content's region the box of its own features.
 * Clients get both from the subtrees ({@link SubtreeWriter}); every tile's region thus holds its content and its
 * children's, as 3D Tiles requires of bounding volumes.
 */
public final class TileIndex {

  private final TilingScheme scheme;
  private final Map<TileId, List<String>> contents = new HashMap<>();
  private final Map<TileId, Region> contentRegions = new HashMap<>();
  private final Map<TileId, Region> tileRegions = new HashMap<>();

  /** The features of each tile; heights are raised by {@code geoidOffset} to be ellipsoidal. */
  TileIndex(TilingScheme scheme, Map<TileId, List<ModelBounds>> features, double geoidOffset) {
    this.scheme = scheme;
    features.forEach((tile, members) -> {
      Region region = Region.of(members, geoidOffset);
      contents.put(tile, members.stream().map(ModelBounds::id).toList());
      contentRegions.put(tile, region);
      for (TileId t = tile; t != null; t = t.level() > 0 ? t.parent() : null) {
        tileRegions.merge(t, region, Region::union);
      }
    });
  }

  public TilingScheme scheme() {
    return scheme;
  }

  public boolean isAvailable(TileId tile) {
    return tileRegions.containsKey(tile);
  }

  /** The region of an available tile: its content's and all its descendants'. */
  Region tileRegion(TileId tile) {
    return tileRegions.get(tile);
  }

  /** The region of a tile's content. */
  Region contentRegion(TileId tile) {
    return contentRegions.get(tile);
  }

  public boolean hasContent(TileId tile) {
    return contents.containsKey(tile);
  }

  /** The ids of the features in a tile; empty for a tile without content. */
  public List<String> featureIds(TileId tile) {
    return contents.getOrDefault(tile, List.of());
  }

  /** Every tile with content. */
  public Set<TileId> contentTiles() {
    return contents.keySet();
  }

  /**
   * The tiles with content in batches of at most {@code features} features (a tile with more is a batch alone), for
   * reading the models of many tiles at once. Level by level in Morton order, so that a batch is a neighbourhood.
   */
  public List<List<TileId>> contentBatches(int features) {
    List<TileId> tiles = contents.keySet().stream().sorted(Comparator.comparingInt(TileId::level)
        .thenComparingLong(t -> Morton.index(t.x(), t.y()))).toList();
    List<List<TileId>> batches = new ArrayList<>();
    List<TileId> batch = new ArrayList<>();
    int size = 0;
    for (TileId tile : tiles) {
      if (size > 0 && size + featureIds(tile).size() > features) {
        batches.add(batch);
        batch = new ArrayList<>();
        size = 0;
      }
      batch.add(tile);
      size += featureIds(tile).size();
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }

  /** The first tile of every subtree file: the root, and each available tile that starts a subtree. */
  public List<TileId> subtreeRoots() {
    return Stream.concat(Stream.of(TileId.ROOT), tileRegions.keySet().stream().filter(t -> t.level() > 0
        && hasSubtree(t)))
        .toList();
  }

  /**
   * Whether a subtree file exists for this tile: it starts a subtree and is available. The root's always exists,
   * even for a collection without models, because the tileset names it.
   */
  public boolean hasSubtree(TileId tile) {
    return tile.level() % TilingScheme.SUBTREE_LEVELS == 0 && scheme.hasLevel(tile.level())
        && (tile.level() == 0 || isAvailable(tile));
  }
}
