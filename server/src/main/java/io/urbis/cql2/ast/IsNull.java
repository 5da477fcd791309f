package io.urbis.cql2.ast;

import java.util.Objects;

/** {@code operand IS NULL}; {@code IS NOT NULL} is {@link Not} around it, as in CQL2-JSON. */
public record IsNull(Expression operand) implements Expression {

  public IsNull {
    Objects.requireNonNull(operand, "operand");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
