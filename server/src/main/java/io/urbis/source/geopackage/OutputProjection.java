package io.urbis.source.geopackage;

import io.urbis.crs.AxisSwap;
import io.urbis.crs.Crs;
import io.urbis.error.InvalidParameterException;
import io.urbis.query.CrsParameter;
import org.locationtech.jts.geom.Geometry;

/**
 * Moves CRS84 geometries into the CRS a client asked for ({@code crs}), and into that CRS's axis order: proj4j
 * works east first, while EPSG:4326 or Gauss-Krueger name the northing first. Not thread-safe, one per stream.
 */
final class OutputProjection {

  private final RequestedProjection projection;
  private final boolean swapAxes;

  private OutputProjection(RequestedProjection projection, boolean swapAxes) {
    this.projection = projection;
    this.swapAxes = swapAxes;
  }

  static OutputProjection to(Crs crs) {
    return new OutputProjection(new RequestedProjection(CrsParameter.CRS, crs), crs.northFirst());
  }

  /**
   * Transforms {@code crs84} in place and returns it.
   *
   * @throws InvalidParameterException of {@code crs} when a coordinate cannot be written in that CRS
   */
  Geometry apply(Geometry crs84) {
    projection.fromCrs84(crs84);
    if (swapAxes) {
      crs84.apply(AxisSwap.INSTANCE);
    }
    return crs84;
  }
}
