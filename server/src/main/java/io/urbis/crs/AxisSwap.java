package io.urbis.crs;

import org.locationtech.jts.geom.CoordinateSequence;

/**
 * Exchanges X and Y of every coordinate of a JTS geometry, in place: between the east-first order PostGIS, proj4j and
 * JTS work in and a CRS that names latitude or northing first (EPSG:4326, Gauss-Krueger).
 */
public enum AxisSwap implements CoordinateRewrite {
  INSTANCE;

  @Override
  public void filter(CoordinateSequence sequence, int index) {
    double x = sequence.getX(index);
    sequence.setOrdinate(index, CoordinateSequence.X, sequence.getY(index));
    sequence.setOrdinate(index, CoordinateSequence.Y, x);
  }
}
