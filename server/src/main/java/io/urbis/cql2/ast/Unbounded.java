package io.urbis.cql2.ast;

/** The open bound {@code '..'} of an {@link Interval}. */
public record Unbounded() implements Expression {

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
