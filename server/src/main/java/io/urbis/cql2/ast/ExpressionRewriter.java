package io.urbis.cql2.ast;

import java.util.List;

/**
 * Rebuilds a tree node by node, each from its rewritten operands; a subclass overrides the nodes it changes (such as
 * the geometry literals that {@code filter-crs} places in a CRS) and inherits the copying of all others.
 */
public abstract class ExpressionRewriter implements ExpressionVisitor<Expression> {

  /** The rewritten tree. */
  public Expression rewrite(Expression expression) {
    return expression.accept(this);
  }

  @Override
  public Expression visit(Logical logical) {
    return new Logical(logical.operator(), rewriteAll(logical.operands()));
  }

  @Override
  public Expression visit(Not not) {
    return new Not(rewrite(not.operand()));
  }

  @Override
  public Expression visit(Comparison comparison) {
    return new Comparison(comparison.operator(), rewrite(comparison.left()), rewrite(comparison.right()));
  }

  @Override
  public Expression visit(Like like) {
    return new Like(rewrite(like.value()), rewrite(like.pattern()));
  }

  @Override
  public Expression visit(Between between) {
    return new Between(rewrite(between.value()), rewrite(between.low()), rewrite(between.high()));
  }

  @Override
  public Expression visit(In in) {
    return new In(rewrite(in.value()), rewriteAll(in.list()));
  }

  @Override
  public Expression visit(IsNull isNull) {
    return new IsNull(rewrite(isNull.operand()));
  }

  @Override
  public Expression visit(Fold fold) {
    return new Fold(fold.folding(), rewrite(fold.operand()));
  }

  @Override
  public Expression visit(Arithmetic arithmetic) {
    return new Arithmetic(arithmetic.operator(), rewrite(arithmetic.left()), rewrite(arithmetic.right()));
  }

  @Override
  public Expression visit(Property property) {
    return property;
  }

  @Override
  public Expression visit(StringLiteral literal) {
    return literal;
  }

  @Override
  public Expression visit(NumberLiteral literal) {
    return literal;
  }

  @Override
  public Expression visit(BooleanLiteral literal) {
    return literal;
  }

  @Override
  public Expression visit(DateLiteral literal) {
    return literal;
  }

  @Override
  public Expression visit(TimestampLiteral literal) {
    return literal;
  }

  @Override
  public Expression visit(Interval interval) {
    return new Interval(rewrite(interval.start()), rewrite(interval.end()));
  }

  @Override
  public Expression visit(Unbounded unbounded) {
    return unbounded;
  }

  @Override
  public Expression visit(GeometryLiteral literal) {
    return literal;
  }

  @Override
  public Expression visit(BboxLiteral literal) {
    return literal;
  }

  @Override
  public Expression visit(ArrayLiteral literal) {
    return new ArrayLiteral(rewriteAll(literal.elements()));
  }

  @Override
  public Expression visit(SpatialPredicate predicate) {
    return new SpatialPredicate(predicate.operator(), rewrite(predicate.first()), rewrite(predicate.second()));
  }

  @Override
  public Expression visit(TemporalPredicate predicate) {
    return new TemporalPredicate(predicate.operator(), rewrite(predicate.first()), rewrite(predicate.second()));
  }

  @Override
  public Expression visit(ArrayPredicate predicate) {
    return new ArrayPredicate(predicate.operator(), rewrite(predicate.first()), rewrite(predicate.second()));
  }

  @Override
  public Expression visit(FunctionCall call) {
    return new FunctionCall(call.name(), rewriteAll(call.arguments()));
  }

  private List<Expression> rewriteAll(List<Expression> expressions) {
    return expressions.stream().map(this::rewrite).toList();
  }
}
