package io.urbis.source.geopackage;

import io.urbis.catalog.RowFilter;
import io.urbis.crs.Crs;
import io.urbis.cql2.Queryables;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.jts.JtsFilterEvaluator;
import io.urbis.error.InvalidParameterException;
import io.urbis.query.CrsParameter;
import io.urbis.query.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * The CQL2 conditions Java runs on each candidate row: the request's filter and the collection's row filter, which
 * a row must both pass. A feature's geometry is compared in the CRS of each condition's geometry literals: CRS84, or
 * the CRS {@code filter-crs} named, into which proj4j moves a copy first.
 */
final class CqlSelection {

  /** One condition and the move of a CRS84 geometry into the CRS of its literals. */
  private record Condition(JtsFilterEvaluator evaluator, RequestedProjection toFilterCrs) {

    Condition(Expression expression, Queryables queryables, Crs crs) {
      this(new JtsFilterEvaluator(expression, queryables), new RequestedProjection(CrsParameter.FILTER_CRS, crs));
    }

    boolean matches(Map<String, ?> properties, Geometry crs84) {
      boolean moved = crs84 != null && !crs84.isEmpty() && !toFilterCrs.isIdentity();
      return evaluator.matches(properties, moved ? toFilterCrs.fromCrs84(crs84.copy()) : crs84);
    }
  }

  private final List<Condition> conditions;

  private CqlSelection(List<Condition> conditions) {
    this.conditions = conditions;
  }

  /**
   * The selection of {@code filter} and {@code rows} (either may be null), or null when there is neither. A row
   * filter's literals are in CRS84, and it is checked against the whole collection's queryables, as it may name
   * properties the audience does not see.
   */
  static CqlSelection of(Filter filter, RowFilter rows) {
    List<Condition> conditions = new ArrayList<>();
    if (filter != null) {
      conditions.add(new Condition(filter.expression(), filter.queryables(), filter.crs()));
    }
    if (rows != null) {
      conditions.add(new Condition(rows.expression(), rows.queryables(), Crs.CRS84));
    }
    return conditions.isEmpty() ? null : new CqlSelection(conditions);
  }

  /**
   * Whether a feature passes, given its property values by name and its CRS84 geometry (or null).
   *
   * @throws InvalidParameterException of {@code filter-crs} when the geometry cannot be written in that CRS
   */
  boolean matches(Map<String, ?> properties, Geometry crs84) {
    return conditions.stream().allMatch(condition -> condition.matches(properties, crs84));
  }
}
