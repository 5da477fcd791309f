package io.urbis.tiles;

/**
 * How big a vector tile may get, and the rules that make a bigger one fit (after tippecanoe's size-bounded dropping
 * and ldproxy's minimum size in pixels). A tile whose layers fit is served whole, as its source draws it. One that
 * does not is built again, its heaviest layer reduced one {@link TileReduction level} after the other until it fits.
 *
 * @param maxTileBytes the most bytes one tile, all its layers together, may take (tippecanoe's default: 500,000)
 * @param minimumSizeInPixels a line shorter or a polygon smaller than a square of this many pixels at the tile's zoom
 *     is small: dropped, or for polygons merged into blocks, once a tile must be reduced
 * @param mergeSmallPolygons whether small polygons, and polygons thinned out, are merged into one block per cell
 *     that keeps their area, rather than left out
 */
public record TileBudget(long maxTileBytes, double minimumSizeInPixels, boolean mergeSmallPolygons) {

  public static final long DEFAULT_MAX_TILE_BYTES = 500_000;
  public static final double DEFAULT_MINIMUM_SIZE_IN_PIXELS = 1;
  public static final TileBudget DEFAULT = new TileBudget(DEFAULT_MAX_TILE_BYTES, DEFAULT_MINIMUM_SIZE_IN_PIXELS,
      true);

  /** The rules of reduction {@code level} for tiles of {@code matrix}. */
  public TileReduction reduction(TileMatrix matrix, int level) {
    double unit = matrix.tileSpan() / TileRequest.EXTENT;
    double unitsPerPixel = (double) TileRequest.EXTENT / matrix.tileSize();
    double minimumSize = minimumSizeInPixels * matrix.cellSize();
    return new TileReduction(level, minimumSize, minimumSize * Math.pow(2, level), matrix.originX(),
        matrix.originY(), unit * Math.min(Math.pow(2, level), unitsPerPixel), mergeSmallPolygons, lastLevel(matrix));
  }

  /** The coarsest level: the one whose cells first hold a whole tile, so that thinning keeps one feature a tile. */
  public int lastLevel(TileMatrix matrix) {
    int level = 0;
    while (minimumSizeInPixels * Math.pow(2, level) < matrix.tileSize()) {
      level++;
    }
    return level;
  }

  /** What tells tiles made under this budget from tiles made under another, for cache keys. */
  public String key() {
    return maxTileBytes + "/" + minimumSizeInPixels + (mergeSmallPolygons ? "/merged" : "/dropped");
  }
}
