package io.urbis.cql2.ast;

import java.util.Objects;

/** {@code S_INTERSECTS(first, second)} and the other spatial functions. */
public record SpatialPredicate(SpatialOperator operator, Expression first, Expression second) implements Expression {

  public SpatialPredicate {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
