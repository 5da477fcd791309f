package io.urbis.source.geopackage;

import io.urbis.crs.Crs;
import io.urbis.crs.OutsideDomainException;
import io.urbis.error.InvalidParameterException;
import io.urbis.query.CrsParameter;
import org.locationtech.jts.geom.Geometry;

/**
 * Moves CRS84 geometries into a CRS a request parameter named ({@code crs}, {@code bbox-crs}, {@code filter-crs}),
 * east first as proj4j works. A coordinate that CRS cannot take is that parameter's 400, never a NaN or a number that
 * means nothing. Not thread-safe, one per stream.
 */
final class RequestedProjection {

  private final String parameter;
  private final Crs crs;
  private final Crs84Reprojector reprojector;

  RequestedProjection(String parameter, Crs crs) {
    this.parameter = parameter;
    this.crs = crs;
    this.reprojector = Crs84Reprojector.forSrid(crs.srid());
  }

  boolean isIdentity() {
    return reprojector.isIdentity();
  }

  /**
   * Transforms {@code crs84} in place and returns it.
   *
   * @throws InvalidParameterException of the parameter when a coordinate cannot be written in its CRS
   */
  Geometry fromCrs84(Geometry crs84) {
    try {
      return reprojector.fromCrs84(crs84);
    } catch (OutsideDomainException e) {
      throw CrsParameter.outsideDomain(parameter, crs);
    }
  }
}
