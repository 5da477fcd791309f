package io.urbis.cql2.ast;

import java.util.Objects;

/** {@code CASEI(operand)} or {@code ACCENTI(operand)}: the operand compared without regard to case or accents. */
public record Fold(Folding folding, Expression operand) implements Expression {

  public Fold {
    Objects.requireNonNull(folding, "folding");
    Objects.requireNonNull(operand, "operand");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
