package io.urbis.cql2.jts;

import io.urbis.cql2.Cql2ValidationException;
import io.urbis.cql2.Cql2Validator;
import io.urbis.cql2.Queryables;
import io.urbis.cql2.ast.Expression;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Evaluates a CQL2 filter against one feature at a time, in memory: the filter dialect for sources without spatial
 * SQL, such as GeoPackage. It means what {@code PostgisSqlCompiler}'s SQL means, including SQL's three-valued logic:
 * a comparison with a missing value is unknown, NOT unknown is unknown, and only TRUE selects a feature.
 *
 * <p>Property values may be String, any Number, Boolean, LocalDate, Instant (or OffsetDateTime, LocalDateTime as UTC),
 * List or array for ARRAY queryables, or null; strings and numbers are read as the queryable's type where they can be
 * (a GeoPackage DATE column holds text, a BOOLEAN one 0 or 1). Arithmetic is in double precision. Thread-safe.
 */
public final class JtsFilterEvaluator {

  private final Expression filter;
  private final Queryables queryables;

  /** Validates the filter against the queryables, throwing {@link Cql2ValidationException}. */
  public JtsFilterEvaluator(Expression filter, Queryables queryables) {
    new Cql2Validator(queryables).validate(filter);
    this.filter = filter;
    this.queryables = queryables;
  }

  /**
   * Whether the feature passes the filter.
   *
   * @param properties the feature's property values by queryable name
   * @param geometry the feature geometry, for every GEOMETRY queryable, in the CRS of the filter's geometry literals
   *     (CRS84 unless {@code filter-crs} named another); may be null
   */
  public boolean matches(Map<String, ?> properties, Geometry geometry) {
    return Boolean.TRUE.equals(filter.accept(new FeatureEvaluation(queryables, properties, geometry)));
  }
}
