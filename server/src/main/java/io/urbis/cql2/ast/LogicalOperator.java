package io.urbis.cql2.ast;

public enum LogicalOperator implements NamedOperator {
  AND("and"),
  OR("or");

  private final String jsonName;

  LogicalOperator(String jsonName) {
    this.jsonName = jsonName;
  }

  @Override
  public String jsonName() {
    return jsonName;
  }
}
