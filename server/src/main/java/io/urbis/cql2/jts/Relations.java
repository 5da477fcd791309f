package io.urbis.cql2.jts;

import io.urbis.cql2.ast.ArrayOperator;
import io.urbis.cql2.ast.SpatialOperator;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;
import org.locationtech.jts.operation.relateng.TopologyPredicate;

/** The spatial and array functions on evaluated operands. */
final class Relations {

  private Relations() {}

  /** JTS RelateNG, which, like GEOS under PostGIS, accepts geometry collections. */
  static boolean spatial(SpatialOperator operator, Geometry first, Geometry second) {
    return RelateNG.relate(first, second, predicate(operator));
  }

  /** As PostgreSQL's array operators: A_EQUALS is order-sensitive, the others treat arrays as sets. */
  static boolean arrays(ArrayOperator operator, List<?> first, List<?> second) {
    return switch (operator) {
      case A_EQUALS -> first.size() == second.size() && equalElementwise(first, second);
      case A_CONTAINS -> second.stream().allMatch(element -> contains(first, element));
      case A_CONTAINEDBY -> first.stream().allMatch(element -> contains(second, element));
      case A_OVERLAPS -> first.stream().anyMatch(element -> contains(second, element));
    };
  }

  /** A new predicate each time: RelateNG predicates keep state while they evaluate. */
  private static TopologyPredicate predicate(SpatialOperator operator) {
    return switch (operator) {
      case S_INTERSECTS -> RelatePredicate.intersects();
      case S_EQUALS -> RelatePredicate.equalsTopo();
      case S_DISJOINT -> RelatePredicate.disjoint();
      case S_TOUCHES -> RelatePredicate.touches();
      case S_WITHIN -> RelatePredicate.within();
      case S_OVERLAPS -> RelatePredicate.overlaps();
      case S_CROSSES -> RelatePredicate.crosses();
      case S_CONTAINS -> RelatePredicate.contains();
    };
  }

  private static boolean equalElementwise(List<?> first, List<?> second) {
    for (int i = 0; i < first.size(); i++) {
      if (!ScalarValues.equal(first.get(i), second.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(List<?> array, Object element) {
    return array.stream().anyMatch(candidate -> ScalarValues.equal(candidate, element));
  }
}
