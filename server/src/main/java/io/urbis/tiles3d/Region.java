package io.urbis.tiles3d;

import io.urbis.source.ModelBounds;

/**
 * A box of longitude, latitude (degrees) and ellipsoidal height (metres): what a feature, a tile's content or a whole
 * loose tile covers.
 */
record Region(double west, double south, double east, double north, double minHeight, double maxHeight) {

  /** The feature's box, its heights raised by {@code geoidOffset} to be ellipsoidal. */
  static Region of(ModelBounds feature, double geoidOffset) {
    return new Region(feature.minLon(), feature.minLat(), feature.maxLon(), feature.maxLat(),
        feature.minZ() + geoidOffset, feature.maxZ() + geoidOffset);
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
