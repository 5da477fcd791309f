package io.urbis.cql2.ast;

import java.util.Objects;

/** {@code A_CONTAINS(first, second)} and the other array functions. */
public record ArrayPredicate(ArrayOperator operator, Expression first, Expression second) implements Expression {

  public ArrayPredicate {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
