package io.urbis.cql2.text;

import io.urbis.cql2.ast.Expression;

/**
 * Writes an expression as CQL2-text that {@link Cql2TextParser} reads back to an equal expression, with parentheses
 * only where precedence needs them. For logs, tests and links; SQL never goes through text.
 *
 * <p>One string value cannot be written: one that ends with a backslash, because the BNF reads {@code \'} as an
 * escaped quote. Writing it throws {@link IllegalArgumentException}; CQL2-JSON has no such limit.
 */
public final class Cql2TextWriter {

  private Cql2TextWriter() {}

  public static String write(Expression expression) {
    return expression.accept(new TextFormatter()).text();
  }
}
