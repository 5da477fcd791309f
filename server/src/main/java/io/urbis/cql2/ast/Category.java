package io.urbis.cql2.ast;

/**
 * The syntactic roles the CQL2 grammars give expressions (BNF productions such as {@code booleanExpression},
 * {@code numericExpression}, {@code patternExpression}). Both parsers check each operand against its role, so a
 * tree that parses is one the grammar allows, whichever encoding it came from.
 */
public enum Category {
  PREDICATE("a predicate"),
  SCALAR("a scalar value"),
  NUMERIC("a numeric expression"),
  CHARACTER("a character expression"),
  PATTERN("a string literal pattern"),
  SPATIAL("a geometry"),
  TEMPORAL("a date, timestamp or interval"),
  INTERVAL_BOUND("a date or timestamp string, '..', a property or a function"),
  ARRAY("an array"),
  NULL_OPERAND("an operand of IS NULL"),
  ARGUMENT("a function argument or array element");

  private final String description;

  Category(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  public boolean admits(Expression expression) {
    return expression.accept(Categories.INSTANCE).contains(this);
  }
}
