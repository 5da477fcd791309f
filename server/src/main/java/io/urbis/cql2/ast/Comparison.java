package io.urbis.cql2.ast;

import java.util.Objects;

/** {@code left operator right} for one of the six binary comparison operators. */
public record Comparison(ComparisonOperator operator, Expression left, Expression right) implements Expression {

  public Comparison {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
