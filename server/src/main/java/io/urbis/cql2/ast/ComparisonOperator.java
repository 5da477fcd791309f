package io.urbis.cql2.ast;

/** The binary comparison operators; the same symbol in CQL2-text, CQL2-JSON and SQL. */
public enum ComparisonOperator implements NamedOperator {
  EQUAL("="),
  NOT_EQUAL("<>"),
  LESS_THAN("<"),
  LESS_OR_EQUAL("<="),
  GREATER_THAN(">"),
  GREATER_OR_EQUAL(">=");

  private final String symbol;

  ComparisonOperator(String symbol) {
    this.symbol = symbol;
  }

  @Override
  public String jsonName() {
    return symbol;
  }

  public boolean orders() {
    return this != EQUAL && this != NOT_EQUAL;
  }

  /** Whether the operator holds for a {@link Comparable#compareTo} result. */
  public boolean holdsFor(int comparison) {
    return switch (this) {
      case EQUAL -> comparison == 0;
      case NOT_EQUAL -> comparison != 0;
      case LESS_THAN -> comparison < 0;
      case LESS_OR_EQUAL -> comparison <= 0;
      case GREATER_THAN -> comparison > 0;
      case GREATER_OR_EQUAL -> comparison >= 0;
    };
  }
}
