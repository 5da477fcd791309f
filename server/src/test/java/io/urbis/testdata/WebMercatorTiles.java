package io.urbis.testdata;

import io.urbis.catalog.SpatialExtent;

/** WebMercatorQuad tiles around test data. */
public final class WebMercatorTiles {

  private WebMercatorTiles() {}

  /** The tile {@code zoom/row/col} of the highest zoom level (at most 18) that holds all of {@code extent}. */
  public static String holding(SpatialExtent extent) {
    for (int zoom = 18; zoom > 0; zoom--) {
      String northWest = tile(zoom, extent.minLon(), extent.maxLat());
      if (northWest.equals(tile(zoom, extent.maxLon(), extent.minLat()))) {
        return northWest;
      }
    }
    return "0/0/0";
  }

  private static String tile(int zoom, double lon, double latDegrees) {
    double lat = Math.toRadians(latDegrees);
    double tiles = Math.pow(2, zoom);
    long col = (long) Math.floor((lon + 180) / 360 * tiles);
    long row = (long) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * tiles);
    return zoom + "/" + row + "/" + col;
  }
}
