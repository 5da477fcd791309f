package io.urbis.cql2.ast;

import java.util.Objects;

/** {@code NOT operand}. */
public record Not(Expression operand) implements Expression {

  public Not {
    Objects.requireNonNull(operand, "operand");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
