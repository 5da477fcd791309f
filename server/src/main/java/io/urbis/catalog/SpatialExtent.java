package io.urbis.catalog;

/** A bounding box in CRS84 (longitude, latitude). */
public record SpatialExtent(double minLon, double minLat, double maxLon, double maxLat) {

  public double[] toArray() {
    return new double[] {minLon, minLat, maxLon, maxLat};
  }
}
