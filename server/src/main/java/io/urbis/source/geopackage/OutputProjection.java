package io.urbis.source.geopackage;

import io.urbis.crs.Crs;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
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

  /** Exchanges X and Y of every coordinate. */
  private enum AxisSwap implements CoordinateSequenceFilter {
    INSTANCE;

    @Override
    public void filter(CoordinateSequence sequence, int index) {
      double x = sequence.getX(index);
      sequence.setOrdinate(index, CoordinateSequence.X, sequence.getY(index));
      sequence.setOrdinate(index, CoordinateSequence.Y, x);
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public boolean isGeometryChanged() {
      return true;
    }
  }
}
