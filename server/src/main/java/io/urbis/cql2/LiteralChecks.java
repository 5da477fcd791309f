package io.urbis.cql2;

import io.urbis.crs.Crs;
import io.urbis.cql2.ast.BboxLiteral;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.Fold;
import io.urbis.cql2.ast.GeometryLiteral;
import io.urbis.cql2.ast.StringLiteral;
import org.locationtech.jts.geom.Coordinate;

/** Checks on literal values that the grammars cannot express. */
final class LiteralChecks {

  private LiteralChecks() {}

  /**
   * Coordinates in a geographic CRS are longitude -180..180 and latitude -90..90 ({@code POINT(90 180)} is an error in
   * CRS84, ATS); in a projected one they must be finite.
   */
  static void requireInCrs(GeometryLiteral literal) {
    for (Coordinate coordinate : literal.geometry().getCoordinates()) {
      requireInCrs(coordinate.x, coordinate.y, literal.crs());
    }
  }

  static void requireInCrs(BboxLiteral bbox) {
    requireInCrs(bbox.west(), bbox.south(), bbox.crs());
    requireInCrs(bbox.east(), bbox.north(), bbox.crs());
    if (bbox.south() > bbox.north()) {
      throw new Cql2ValidationException("the south edge of a BBOX must not lie north of its north edge");
    }
    if (!bbox.crs().geographic() && bbox.west() > bbox.east()) {
      throw new Cql2ValidationException("the west edge of a BBOX must not lie east of its east edge in "
          + bbox.crs().uri());
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

  private static void requireInCrs(double east, double north, Crs crs) {
    if (!crs.geographic()) {
      if (!Double.isFinite(east) || !Double.isFinite(north)) {
        throw new Cql2ValidationException("the coordinate (" + east + " " + north + ") is not finite");
      }
    } else if (Math.abs(east) > 180 || Math.abs(north) > 90) {
      String where = crs.equals(Crs.CRS84) ? "CRS84" : crs.uri();
      throw new Cql2ValidationException("the coordinate (" + east + " " + north + ") lies outside " + where
          + ": longitude must be within -180..180 and latitude within -90..90");
    }
  }
}
