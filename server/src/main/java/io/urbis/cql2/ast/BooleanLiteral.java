package io.urbis.cql2.ast;

/** {@code TRUE} or {@code FALSE}: a predicate on its own or a value to compare with. */
public record BooleanLiteral(boolean value) implements Expression {

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
