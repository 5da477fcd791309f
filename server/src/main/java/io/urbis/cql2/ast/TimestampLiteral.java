package io.urbis.cql2.ast;

import java.time.Instant;
import java.util.Objects;

/** {@code TIMESTAMP('2020-01-31T10:00:00Z')}: always UTC in CQL2. */
public record TimestampLiteral(Instant value) implements Expression {

  public TimestampLiteral {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
