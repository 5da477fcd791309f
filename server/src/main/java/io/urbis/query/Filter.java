package io.urbis.query;

import io.urbis.cql2.Queryables;
import io.urbis.cql2.ast.Expression;

/**
 * A CQL2 filter, parsed and validated against the queryables it may name: sources compile it (PostGIS) or evaluate
 * it (GeoPackage) without parsing anything again.
 */
public record Filter(Expression expression, Queryables queryables) {}
