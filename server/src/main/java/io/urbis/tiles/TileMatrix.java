package io.urbis.tiles;

/**
 * One tile matrix (a zoom level) of a tile matrix set, with the members OGC 17-083r4 (TMS 2.0) gives it. The corner
 * of origin is always the top left, as in every set Urbis serves.
 *
 * @param id the identifier clients use in URLs ({@code tileMatrix})
 * @param scaleDenominator the scale at the standardised pixel size of 0.28 mm
 * @param cellSize the size of one pixel in CRS units
 * @param originX the left edge of the matrix, in CRS units
 * @param originY the top edge of the matrix, in CRS units
 * @param tileSize tile width and height in pixels
 * @param matrixWidth the number of tile columns
 * @param matrixHeight the number of tile rows
 */
public record TileMatrix(String id, double scaleDenominator, double cellSize, double originX, double originY,
    int tileSize, long matrixWidth, long matrixHeight) {

  /** The width (and height) of one tile in CRS units. */
  public double tileSpan() {
    return cellSize * tileSize;
  }

  public boolean contains(long row, long col) {
    return row >= 0 && col >= 0 && row < matrixHeight && col < matrixWidth;
  }

  /** The area the tile in {@code row}, {@code col} covers, in the set's CRS. */
  public TileEnvelope envelope(long row, long col) {
    double span = tileSpan();
    double minX = originX + col * span;
    double maxY = originY - row * span;
    return new TileEnvelope(minX, maxY - span, minX + span, maxY);
  }

  /** The whole matrix, in the set's CRS. */
  public TileEnvelope bounds() {
    double span = tileSpan();
    return new TileEnvelope(originX, originY - matrixHeight * span, originX + matrixWidth * span, originY);
  }
}
