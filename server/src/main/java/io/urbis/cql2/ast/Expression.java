package io.urbis.cql2.ast;

/**
 * A node of a parsed CQL2 filter (OGC 21-065): a predicate, a scalar expression or a literal. Nodes are immutable
 * values, so the text and the JSON form of one filter parse to equal trees.
 */
public sealed interface Expression
    permits Logical, Not, Comparison, Like, Between, In, IsNull, Fold, Arithmetic, Property, StringLiteral,
        NumberLiteral, BooleanLiteral, DateLiteral, TimestampLiteral, Interval, Unbounded, GeometryLiteral,
        BboxLiteral, ArrayLiteral, SpatialPredicate, TemporalPredicate, ArrayPredicate, FunctionCall {

  <R> R accept(ExpressionVisitor<R> visitor);
}
