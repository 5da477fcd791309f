package io.urbis.catalog;

import io.urbis.cql2.Queryables;
import io.urbis.cql2.ast.Expression;

/**
 * The rows of a collection an audience may see, as a CQL2 condition written in the access rules: sources add it to
 * every read (items, one item, counts, tiles, 3D tiles) as one more condition, compiled like any filter. Its geometry
 * literals are in CRS84. It may name properties hidden from the audience, so it is checked against the queryables
 * of the whole collection, never those the audience sees.
 *
 * @param expression the parsed and validated condition
 * @param queryables the whole collection's queryables the condition is compiled against
 * @param text the condition as CQL2 text, for logs and cache keys
 */
public record RowFilter(Expression expression, Queryables queryables, String text) {}
