package io.urbis.cql2.ast;

import java.util.Objects;

/** {@code T_AFTER(first, second)} and the other temporal functions. */
public record TemporalPredicate(TemporalOperator operator, Expression first, Expression second) implements Expression {

  public TemporalPredicate {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
