package io.urbis.cql2.ast;

import java.util.Objects;

/**
 * {@code value LIKE pattern}: {@code %} matches any characters, {@code _} one, a backslash escapes the next.
 * {@code NOT LIKE} is {@link Not} around it, as in CQL2-JSON.
 */
public record Like(Expression value, Expression pattern) implements Expression {

  public Like {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(pattern, "pattern");
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
