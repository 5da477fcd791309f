package io.urbis.cql2.ast;

import java.util.Objects;

/** A character string literal, unescaped. */
public record StringLiteral(String value) implements Expression {

  public StringLiteral {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
