package io.urbis.cql2.ast;

import java.util.Objects;

/**
 * {@code INTERVAL(start, end)}; each bound is a date or timestamp literal, {@link Unbounded}, a property or a function.
 */
public record Interval(Expression start, Expression end) implements Expression {

  public Interval {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
