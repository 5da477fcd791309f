package io.urbis.crs;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;

/**
 * Exchanges X and Y of every coordinate of a JTS geometry, in place: between the east-first order PostGIS, proj4j and
 * JTS work in and a CRS that names latitude or northing first (EPSG:4326, Gauss-Krueger).
 */
public enum AxisSwap implements CoordinateSequenceFilter {
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
