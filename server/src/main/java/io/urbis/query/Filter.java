package io.urbis.query;

import io.urbis.crs.Crs;
import io.urbis.cql2.Queryables;
import io.urbis.cql2.ast.Expression;

/**
 * A CQL2 filter, parsed and validated against the queryables it may name: sources compile it (PostGIS) or evaluate
 * it (GeoPackage) without parsing anything again.
 *
 * @param crs the CRS of the filter's geometry literals ({@code filter-crs}, CRS84 by default), which carry it too
 */
public record Filter(Expression expression, Queryables queryables, Crs crs) {}
