package io.urbis.cql2.ast;

/** The two character-string normalisations of OGC 21-065 clauses 7.3 and 7.4. */
public enum Folding implements NamedOperator {
  CASEI("casei"),
  ACCENTI("accenti");

  private final String jsonName;

  Folding(String jsonName) {
    this.jsonName = jsonName;
  }

  @Override
  public String jsonName() {
    return jsonName;
  }
}
