package io.urbis.source.geopackage;

import io.urbis.crs.AxisSwap;
import io.urbis.crs.Crs;
import org.locationtech.jts.geom.Geometry;

/**
 * Moves CRS84 geometries into the CRS a client asked for ({@code crs}), and into that CRS's axis order: proj4j
 * works east first, while EPSG:4326 or Gauss-Krueger name the northing first. Not thread-safe, one per stream.
 */
final class OutputProjection {

  private final Crs84Reprojector reprojector;
  private final boolean swapAxes;

  private OutputProjection(Crs84Reprojector reprojector, boolean swapAxes) {
    this.reprojector = reprojector;
    this.swapAxes = swapAxes;
  }

  static OutputProjection to(Crs crs) {
    return new OutputProjection(Crs84Reprojector.forSrid(crs.srid()), crs.northFirst());
  }

  /** Transforms {@code crs84} in place and returns it. */
  Geometry apply(Geometry crs84) {
    reprojector.fromCrs84(crs84);
    if (swapAxes) {
      crs84.apply(AxisSwap.INSTANCE);
    }
    return crs84;
  }
}
