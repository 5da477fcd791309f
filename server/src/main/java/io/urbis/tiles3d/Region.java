package io.urbis.tiles3d;

import io.urbis.source.ModelBounds;
import java.util.List;

/**
 * A box of longitude, latitude (degrees) and ellipsoidal height (metres): what a feature, a tile's content or a whole
 * loose tile covers.
 */
record Region(double west, double south, double east, double north, double minHeight, double maxHeight) {

  /** The box of the features, at least one, their heights raised by {@code geoidOffset} to be ellipsoidal. */
  static Region of(List<ModelBounds> features, double geoidOffset) {
    double west = Double.POSITIVE_INFINITY;
    double south = Double.POSITIVE_INFINITY;
    double east = Double.NEGATIVE_INFINITY;
    double north = Double.NEGATIVE_INFINITY;
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (ModelBounds feature : features) {
      west = Math.min(west, feature.minLon());
      south = Math.min(south, feature.minLat());
      east = Math.max(east, feature.maxLon());
      north = Math.max(north, feature.maxLat());
      low = Math.min(low, feature.minZ());
      high = Math.max(high, feature.maxZ());
    }
    return new Region(west, south, east, north, low + geoidOffset, high + geoidOffset);
  }

  /** The smallest region holding both. */
  Region union(Region other) {
    return new Region(Math.min(west, other.west), Math.min(south, other.south), Math.max(east, other.east),
        Math.max(north, other.north), Math.min(minHeight, other.minHeight), Math.max(maxHeight, other.maxHeight));
  }

  /** As a 3D Tiles bounding region: west, south, east, north in radians, then the heights. */
  double[] radians() {
    return new double[] {Math.toRadians(west), Math.toRadians(south), Math.toRadians(east), Math.toRadians(north),
        minHeight, maxHeight};
  }
}
