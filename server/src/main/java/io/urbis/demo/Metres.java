package io.urbis.demo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.PrecisionModel;

/** Rounding of the generated projected coordinates and measures: centimetres are plenty for a town plan. */
final class Metres {

  static final PrecisionModel CENTIMETRES = new PrecisionModel(100);

  private Metres() {}

  static Coordinate point(double x, double y) {
    return new Coordinate(CENTIMETRES.makePrecise(x), CENTIMETRES.makePrecise(y));
  }

  /** {@code value} rounded to {@code decimals} decimal places. */
  static double round(double value, int decimals) {
    double scale = StrictMath.pow(10, decimals);
    return StrictMath.round(value * scale) / scale;
  }
}
