package io.urbis.tiles3d;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which features each tile holds, and which tiles exist: a tile is available when it or one of its descendants
 * holds features, so that clients descending the tree reach every feature.
 */
public final class TileIndex {

  private final TilingScheme scheme;
  private final Map<TileId, List<String>> contents;
  private final Set<TileId> available = new HashSet<>();

  TileIndex(TilingScheme scheme, Map<TileId, List<String>> contents) {
    this.scheme = scheme;
    this.contents = new HashMap<>(contents);
    for (TileId tile : contents.keySet()) {
      for (TileId t = tile; t.level() >= 0 && available.add(t) && t.level() > 0; t = t.parent()) {
        // every ancestor becomes available; the loop stops early at one that already was
      }
    }
  }

  public TilingScheme scheme() {
    return scheme;
  }

  public boolean isAvailable(TileId tile) {
    return available.contains(tile);
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
    return Stream.concat(Stream.of(TileId.ROOT), available.stream().filter(t -> t.level() > 0 && hasSubtree(t)))
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
