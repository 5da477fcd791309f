package io.urbis.cql2;

import io.urbis.cql2.ast.BboxLiteral;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.Fold;
import io.urbis.cql2.ast.StringLiteral;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** Checks on literal values that the grammars cannot express. */
final class LiteralChecks {

  private LiteralChecks() {}

  /** CRS84 coordinates are longitude -180..180 and latitude -90..90; {@code POINT(90 180)} is an error (ATS). */
  static void requireCrs84(Geometry geometry) {
    for (Coordinate coordinate : geometry.getCoordinates()) {
      requireCrs84(coordinate.x, coordinate.y);
    }
  }

  static void requireCrs84(BboxLiteral bbox) {
    requireCrs84(bbox.west(), bbox.south());
    requireCrs84(bbox.east(), bbox.north());
    if (bbox.south() > bbox.north()) {
      throw new Cql2ValidationException("the south edge of a BBOX must not lie north of its north edge");
    }
  }

  /** SQL LIKE refuses a pattern ending in a lone escape character; so do we, before any SQL runs. */
  static void requireCompletePattern(Expression pattern) {
    Expression literal = pattern;
    while (literal instanceof Fold fold) {
      literal = fold.operand();
    }
    if (literal instanceof StringLiteral string && endsWithLoneEscape(string.value())) {
      throw new Cql2ValidationException("a LIKE pattern must not end with the escape character '\\'");
    }
  }

  private static boolean endsWithLoneEscape(String pattern) {
    int backslashes = 0;
    for (int i = pattern.length() - 1; i >= 0 && pattern.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  private static void requireCrs84(double longitude, double latitude) {
    if (Math.abs(longitude) > 180 || Math.abs(latitude) > 90) {
      throw new Cql2ValidationException("the coordinate (" + longitude + " " + latitude
          + ") lies outside CRS84: longitude must be within -180..180 and latitude within -90..90");
    }
  }
}
