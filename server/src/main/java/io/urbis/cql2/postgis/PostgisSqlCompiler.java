package io.urbis.cql2.postgis;

import io.urbis.cql2.Cql2ValidationException;
import io.urbis.cql2.Cql2Validator;
import io.urbis.cql2.Queryables;
import io.urbis.cql2.ast.Expression;

/**
 * Compiles a CQL2 filter to a PostgreSQL/PostGIS boolean expression with bind values. Queryables become SQL through
 * the {@link PropertyResolver}; every literal becomes a bind value, so the SQL text holds no user input. Semantics
 * follow SQL three-valued logic and match {@code JtsFilterEvaluator}:
 *
 * <ul>
 *   <li>string ordering uses {@code COLLATE "C"} (code point order); CASEI is {@code lower()} (so the database's
 *       LC_CTYPE must be a UTF-8 locale, not "C"); ACCENTI is {@code translate()} with the table of
 *       {@link io.urbis.cql2.AccentFolding}, needing no extension;
 *   <li>arithmetic is on {@code numeric}; division, {@code %} and {@code div} by zero yield NULL;
 *   <li>temporal functions compare endpoints as {@link io.urbis.cql2.ast.TemporalOperator} defines, an instant being
 *       [t, t] and {@code '..'} infinite; a date meets a timestamp as midnight UTC;
 *   <li>geometries are compared with the ST_ functions of the same names in the CRS of the geometry literals: CRS84
 *       (SRID 4326) unless {@code filter-crs} named another, and the queryable's geometry is transformed into it.
 * </ul>
 *
 * Overflowing arithmetic (such as {@code 10 ^ 1000000}) and a text that does not cast to an array's element type are
 * left to PostgreSQL, which reports them as data exceptions (SQLSTATE class 22).
 */
public final class PostgisSqlCompiler {

  private final Cql2Validator validator;
  private final PropertyResolver resolver;

  public PostgisSqlCompiler(Queryables queryables, PropertyResolver resolver) {
    this.validator = new Cql2Validator(queryables);
    this.resolver = resolver;
  }

  /** Validates the filter (throwing {@link Cql2ValidationException}) and compiles it. */
  public CompiledSql compile(Expression filter) {
    validator.validate(filter);
    return filter.accept(new SqlFormatter(validator, resolver));
  }
}
