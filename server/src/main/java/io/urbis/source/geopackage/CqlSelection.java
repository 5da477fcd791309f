package io.urbis.source.geopackage;

import io.urbis.cql2.jts.JtsFilterEvaluator;
import io.urbis.error.InvalidParameterException;
import io.urbis.query.CrsParameter;
import io.urbis.query.Filter;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A CQL2 filter as Java runs it on each candidate row. A feature's geometry is compared in the CRS of the filter's
 * geometry literals: CRS84, or the CRS {@code filter-crs} named, into which proj4j moves a copy first.
 */
final class CqlSelection {

  private final JtsFilterEvaluator evaluator;
  private final RequestedProjection toFilterCrs;

  private CqlSelection(JtsFilterEvaluator evaluator, RequestedProjection toFilterCrs) {
    this.evaluator = evaluator;
    this.toFilterCrs = toFilterCrs;
  }

  static CqlSelection of(Filter filter) {
    return new CqlSelection(new JtsFilterEvaluator(filter.expression(), filter.queryables()),
        new RequestedProjection(CrsParameter.FILTER_CRS, filter.crs()));
  }

  /**
   * Whether a feature passes, given its property values by name and its CRS84 geometry (or null).
   *
   * @throws InvalidParameterException of {@code filter-crs} when the geometry cannot be written in that CRS
   */
  boolean matches(Map<String, ?> properties, Geometry crs84) {
    boolean moved = crs84 != null && !crs84.isEmpty() && !toFilterCrs.isIdentity();
    return evaluator.matches(properties, moved ? toFilterCrs.fromCrs84(crs84.copy()) : crs84);
  }
}
