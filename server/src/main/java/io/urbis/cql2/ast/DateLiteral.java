package io.urbis.cql2.ast;

import java.time.LocalDate;
import java.util.Objects;

/** {@code DATE('2020-01-31')}. */
public record DateLiteral(LocalDate value) implements Expression {

  public DateLiteral {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
