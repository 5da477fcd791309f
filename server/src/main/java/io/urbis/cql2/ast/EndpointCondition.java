package io.urbis.cql2.ast;

import java.util.Objects;

/** "The {@code first} endpoint of the first operand {@code operator} the {@code second} endpoint of the second". */
public record EndpointCondition(Endpoint first, ComparisonOperator operator, Endpoint second) {

  public enum Endpoint {
    START,
    END
  }

  public EndpointCondition {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(second, "second");
  }
}
