package io.urbis.tiles;

/**
 * The tiles of one matrix that hold data (OGC 17-083r4, TileMatrixSetLimits): rows and columns, inclusive.
 *
 * @param tileMatrix the matrix id
 */
public record TileMatrixLimits(String tileMatrix, long minTileRow, long maxTileRow, long minTileCol,
    long maxTileCol) {

  /** The tiles of {@code matrix} that {@code area} (in the set's CRS) touches; null when it misses the matrix. */
  public static TileMatrixLimits of(TileMatrix matrix, TileEnvelope area) {
    TileEnvelope inside = clip(area, matrix.bounds());
    if (inside == null) {
      return null;
    }
    double span = matrix.tileSpan();
    long minCol = cell((inside.minX() - matrix.originX()) / span, matrix.matrixWidth());
    long maxCol = cell((inside.maxX() - matrix.originX()) / span, matrix.matrixWidth());
    long minRow = cell((matrix.originY() - inside.maxY()) / span, matrix.matrixHeight());
    long maxRow = cell((matrix.originY() - inside.minY()) / span, matrix.matrixHeight());
    return new TileMatrixLimits(matrix.id(), minRow, maxRow, minCol, maxCol);
  }

  public boolean contains(long row, long col) {
    return row >= minTileRow && row <= maxTileRow && col >= minTileCol && col <= maxTileCol;
  }

  private static long cell(double position, long count) {
    return Math.max(0, Math.min(count - 1, (long) Math.floor(position)));
  }

  private static TileEnvelope clip(TileEnvelope area, TileEnvelope bounds) {
    if (!area.intersects(bounds)) {
      return null;
    }
    return new TileEnvelope(Math.max(area.minX(), bounds.minX()), Math.max(area.minY(), bounds.minY()),
        Math.min(area.maxX(), bounds.maxX()), Math.min(area.maxY(), bounds.maxY()));
  }
}
