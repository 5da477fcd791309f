package io.urbis.tiles;

import org.locationtech.jts.geom.Envelope;

/** Which tile holds a point, for tests that ask for the tile over some feature. */
public final class PointTiles {

  private PointTiles() {}

  /** The tile of {@code set}'s matrix {@code matrixId} that holds the CRS84 point {@code lon}, {@code lat}. */
  public static TileAddress tileAt(TileMatrixSet set, String matrixId, double lon, double lat) {
    TileMatrix matrix = set.tileMatrix(matrixId).orElseThrow();
    TileEnvelope point = TmsProjection.of(set).fromCrs84(new Envelope(lon, lon, lat, lat));
    long col = (long) Math.floor((point.minX() - matrix.originX()) / matrix.tileSpan());
    long row = (long) Math.floor((matrix.originY() - point.maxY()) / matrix.tileSpan());
    return new TileAddress(set, matrix, row, col);
  }
}
