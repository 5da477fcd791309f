package io.urbis.cql2.ast;

/**
 * A reference to a queryable by name. Names are free text within double quotes in CQL2-text, so any name without a
 * double quote or a control character round-trips through both encodings.
 */
public record Property(String name) implements Expression {

  public Property {
    if (name.isEmpty() || name.chars().anyMatch(c -> c == '"' || Character.isISOControl(c))) {
      throw new IllegalArgumentException("a property name must be non-empty, without '\"' or control characters");
    }
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
