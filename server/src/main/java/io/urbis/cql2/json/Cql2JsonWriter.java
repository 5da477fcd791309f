package io.urbis.cql2.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.cql2.ast.Expression;

/** Writes an expression as CQL2-JSON that {@link Cql2JsonParser} reads back to an equal expression. */
public final class Cql2JsonWriter {

  private Cql2JsonWriter() {}

  public static JsonNode toTree(Expression expression) {
    return expression.accept(new JsonFormatter());
  }

  public static String write(Expression expression) {
    return toTree(expression).toString();
  }
}
