package io.urbis.cql2.ast;

import java.util.Objects;

/** {@code value BETWEEN low AND high}; {@code NOT BETWEEN} is {@link Not} around it. */
public record Between(Expression value, Expression low, Expression high) implements Expression {

  public Between {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
