package io.urbis.cql2.ast;

import java.util.List;
import java.util.Objects;

/** {@code value IN (list...)}, with at least one item; {@code NOT IN} is {@link Not} around it. */
public record In(Expression value, List<Expression> list) implements Expression {

  public In {
    Objects.requireNonNull(value, "value");
    list = List.copyOf(list);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("IN needs at least one value");
    }
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
