package io.urbis.conformance.support;

/** The WebMercatorQuad tile of a CRS84 position, and a tile's bounds, by the formulas of the tiling scheme. */
public final class WebMercatorTiles {

  private WebMercatorTiles() {}

  /** {@code {zoom, row, col}} of the tile holding the position. */
  public static long[] at(double lon, double lat, int zoom) {
    double n = Math.pow(2, zoom);
    double latRad = Math.toRadians(lat);
    long col = (long) Math.floor((lon + 180) / 360 * n);
    long row = (long) Math.floor((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2 * n);
    return new long[] {zoom, row, col};
  }

  /** {@code zoom/row/col} as in a tile URL. */
  public static String path(long[] tile) {
    return tile[0] + "/" + tile[1] + "/" + tile[2];
  }
}
