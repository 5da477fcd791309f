package io.urbis.cql2.ast;

import java.util.Objects;

/** {@code left operator right}; unary minus is {@code -1 * operand}, the only spelling CQL2-JSON has. */
public record Arithmetic(ArithmeticOperator operator, Expression left, Expression right) implements Expression {

  public Arithmetic {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
