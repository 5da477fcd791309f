package io.urbis.cql2.ast;

import java.util.List;

/** {@code (a, b, ...)} in CQL2-text, a JSON array in CQL2-JSON; may be empty. */
public record ArrayLiteral(List<Expression> elements) implements Expression {

  public ArrayLiteral {
    elements = List.copyOf(elements);
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
