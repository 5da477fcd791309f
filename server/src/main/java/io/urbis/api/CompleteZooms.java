package io.urbis.api;

import io.urbis.catalog.Collection;
import io.urbis.catalog.JsonType;
import io.urbis.tiles.TileAddress;
import io.urbis.tiles.TileBudget;
import io.urbis.tiles.LayerStatistics;
import io.urbis.tiles.TileCount;
import io.urbis.tiles.TileMatrix;
import io.urbis.tiles.TileMatrixLimits;
import io.urbis.tiles.TileMatrixSet;
import io.urbis.tiles.WholeLayerFloor;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * From which tile matrix on each layer of a tile set is complete: its tiles hold every feature with its whole
 * geometry at the tile's resolution, as drawn without a budget. That takes two things. No feature may be small (below
 * the budget's minimum size in pixels; a whole tile draws those as a speck, or not at all once they shrink below a
 * tile unit), which the smallest feature decides ({@link LayerStatistics}). And {@link TileBuilder} must keep the layer
 * whole in every tile: once no feature is small, tiles only get lighter as they get smaller, so this is the first such
 * matrix, coarsest first, at which the layer stays whole in its {@value #DENSEST_TILES} densest tiles, those holding
 * the most features (by the centre of their bounding box) as its source counts them. A densest tile whose count alone
 * exceeds the budget ({@link WholeLayerFloor}) is not drawn at all.
 */
final class CompleteZooms {

  /** How many of a layer's densest tiles of a matrix are checked. */
  static final int DENSEST_TILES = 3;
  /** Features are counted per tile of the finest matrix whose tiles with data are at most this many each way. */
  private static final long MOST_TILES_ACROSS = 256;

  private final TileBuilder builder;
  private final TileBudget budget;

  CompleteZooms(TileBuilder builder, TileBudget budget) {
    this.builder = builder;
    this.budget = budget;
  }

  /**
   * The id of the first tile matrix from which each layer (by id) is complete; a layer not complete by the matrix
   * its features are counted in, or whose source cannot count them, is left out.
   */
  Map<String, String> find(TiledData data, TileMatrixSet set, List<TileMatrixLimits> limits) {
    Map<String, String> complete = new LinkedHashMap<>();
    List<TileMatrix> matrices = set.tileMatrices().stream()
        .filter(m -> limits.stream().anyMatch(l -> l.tileMatrix().equals(m.id()))).toList();
    if (matrices.isEmpty()) {
      return complete;
    }
    Map<TileAddress, TileBuilder.Plan> plans = new HashMap<>();
    TileMatrix counted = countedIn(matrices, limits);
    for (int layer = 0; layer < data.layers().size(); layer++) {
      Collection collection = data.layers().get(layer);
      LayerStatistics statistics = collection.source().tileStatistics(collection, set, counted);
      List<TileMatrix> large = matrices.stream().filter(m -> statistics.noneSmallerThan(minimumSize(m))).toList();
      if (statistics.counts().isEmpty() && collection.spatialExtent() != null || large.isEmpty()) {
        continue; // a source that cannot count, or features too small for every matrix with data
      }
      // the densest tiles are found among those of the counted matrix, finer if features are small until then
      TileMatrix base = matrices.indexOf(large.get(0)) > matrices.indexOf(counted) ? large.get(0) : counted;
      Map<List<Long>, Long> counts = byTile(base == counted ? statistics.counts()
          : collection.source().tileStatistics(collection, set, base).counts());
      for (TileMatrix matrix : large.subList(0, large.indexOf(base) + 1)) {
        int shift = set.tileMatrices().indexOf(base) - set.tileMatrices().indexOf(matrix);
        if (isWholeInDensestTiles(data, layer, set, matrix, densest(counts, shift), plans)) {
          complete.put(collection.id(), matrix.id());
          break;
        }
      }
    }
    return complete;
  }

  /** Whether the layer is whole in these tiles of {@code matrix} (plans are kept for the other layers). */
  private boolean isWholeInDensestTiles(TiledData data, int layer, TileMatrixSet set, TileMatrix matrix,
      List<Map.Entry<List<Long>, Long>> densest, Map<TileAddress, TileBuilder.Plan> plans) {
    Collection collection = data.layers().get(layer);
    for (Map.Entry<List<Long>, Long> tile : densest) {
      long row = tile.getKey().get(0);
      long col = tile.getKey().get(1);
      if (!matrix.contains(row, col)) {
        continue;
      }
      TileAddress address = new TileAddress(set, matrix, row, col);
      if (!fitsByCount(collection, tile.getValue())
          || !plans.computeIfAbsent(address, a -> builder.plan(data, a)).isWhole(layer)) {
        return false;
      }
    }
    return true;
  }

  /** The side of the smallest square, and the shortest line, that is not small in tiles of {@code matrix}. */
  private double minimumSize(TileMatrix matrix) {
    return budget.minimumSizeInPixels() * matrix.cellSize();
  }

  /** The finest matrix whose tiles with data are at most {@link #MOST_TILES_ACROSS} each way. */
  private static TileMatrix countedIn(List<TileMatrix> matrices, List<TileMatrixLimits> limits) {
    TileMatrix base = matrices.get(0);
    for (TileMatrix matrix : matrices) {
      TileMatrixLimits limit = limits.stream().filter(l -> l.tileMatrix().equals(matrix.id())).findFirst()
          .orElseThrow();
      if (limit.maxTileRow() - limit.minTileRow() >= MOST_TILES_ACROSS
          || limit.maxTileCol() - limit.minTileCol() >= MOST_TILES_ACROSS) {
        break;
      }
      base = matrix;
    }
    return base;
  }

  private static Map<List<Long>, Long> byTile(List<TileCount> counts) {
    Map<List<Long>, Long> tiles = new HashMap<>();
    counts.forEach(count -> tiles.put(List.of(count.row(), count.col()), count.count()));
    return tiles;
  }

  /** The densest tiles of the matrix {@code shift} levels coarser than the counts' (quadtree parents). */
  private static List<Map.Entry<List<Long>, Long>> densest(Map<List<Long>, Long> counts, int shift) {
    Map<List<Long>, Long> parents = new HashMap<>();
    counts.forEach((tile, count) -> parents.merge(List.of(tile.get(0) >> shift, tile.get(1) >> shift), count,
        Long::sum));
    Comparator<Map.Entry<List<Long>, Long>> mostFirst = Map.Entry.<List<Long>, Long>comparingByValue().reversed();
    return parents.entrySet().stream()
        .sorted(mostFirst.thenComparing(e -> e.getKey().get(0)).thenComparing(e -> e.getKey().get(1)))
        .limit(DENSEST_TILES).toList();
  }

  /** Whether the counted features alone leave the whole layer a chance to fit the budget. */
  private boolean fitsByCount(Collection layer, long features) {
    return WholeLayerFloor.of(layer.geometryType(), features, 0, layer.idType() == JsonType.INTEGER).bytes()
        <= budget.maxTileBytes();
  }
}
