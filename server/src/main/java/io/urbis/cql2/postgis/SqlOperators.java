package io.urbis.cql2.postgis;

import io.urbis.cql2.ast.ArrayOperator;
import io.urbis.cql2.ast.SpatialOperator;

/** PostGIS function names for the spatial functions and PostgreSQL operators for the array functions. */
final class SqlOperators {

  private SqlOperators() {}

  static String functionName(SpatialOperator operator) {
    return switch (operator) {
      case S_INTERSECTS -> "ST_Intersects";
      case S_EQUALS -> "ST_Equals";
      case S_DISJOINT -> "ST_Disjoint";
      case S_TOUCHES -> "ST_Touches";
      case S_WITHIN -> "ST_Within";
      case S_OVERLAPS -> "ST_Overlaps";
      case S_CROSSES -> "ST_Crosses";
      case S_CONTAINS -> "ST_Contains";
    };
  }

  /** A_EQUALS is order-sensitive equality, like PostgreSQL's array {@code =}. */
  static String arrayOperator(ArrayOperator operator) {
    return switch (operator) {
      case A_EQUALS -> "=";
      case A_CONTAINS -> "@>";
      case A_CONTAINEDBY -> "<@";
      case A_OVERLAPS -> "&&";
    };
  }
}
