package io.urbis.cql2.ast;

/** One method per node type, so a compiler or an evaluator cannot forget one (Java 17 has no switch patterns). */
public interface ExpressionVisitor<R> {

  R visit(Logical logical);

  R visit(Not not);

  R visit(Comparison comparison);

  R visit(Like like);

  R visit(Between between);

  R visit(In in);

  R visit(IsNull isNull);

  R visit(Fold fold);

  R visit(Arithmetic arithmetic);

  R visit(Property property);

  R visit(StringLiteral literal);

  R visit(NumberLiteral literal);

  R visit(BooleanLiteral literal);

  R visit(DateLiteral literal);

  R visit(TimestampLiteral literal);

  R visit(Interval interval);

  R visit(Unbounded unbounded);

  R visit(GeometryLiteral literal);

  R visit(BboxLiteral literal);

  R visit(ArrayLiteral literal);

  R visit(SpatialPredicate predicate);

  R visit(TemporalPredicate predicate);

  R visit(ArrayPredicate predicate);

  R visit(FunctionCall call);
}
