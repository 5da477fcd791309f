package io.urbis.cql2.ast;

public enum ArrayOperator implements NamedOperator {
  A_EQUALS("a_equals"),
  A_CONTAINS("a_contains"),
  A_CONTAINEDBY("a_containedBy"),
  A_OVERLAPS("a_overlaps");

  private final String jsonName;

  ArrayOperator(String jsonName) {
    this.jsonName = jsonName;
  }

  @Override
  public String jsonName() {
    return jsonName;
  }
}
