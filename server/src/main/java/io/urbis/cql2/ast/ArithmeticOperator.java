package io.urbis.cql2.ast;

public enum ArithmeticOperator implements NamedOperator {
  ADD("+"),
  SUBTRACT("-"),
  MULTIPLY("*"),
  DIVIDE("/"),
  MODULO("%"),
  INTEGER_DIVIDE("div"),
  POWER("^");

  private final String symbol;

  ArithmeticOperator(String symbol) {
    this.symbol = symbol;
  }

  @Override
  public String jsonName() {
    return symbol;
  }
}
