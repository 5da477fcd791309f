package io.urbis.cql2.ast;

import java.util.List;

/** {@code name(arguments...)}: a function that is not built into CQL2; the validator decides whether it exists. */
public record FunctionCall(String name, List<Expression> arguments) implements Expression {

  public FunctionCall {
    if (!Identifiers.isFunctionName(name)) {
      throw new IllegalArgumentException("'" + name + "' cannot be a function name");
    }
    arguments = List.copyOf(arguments);
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
