package io.urbis.source.postgis;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON array as the text of a PostgreSQL array ({@code {"a","b",NULL}}), which the column it is written to reads
 * with its element type's input function; nested arrays are dimensions, objects their JSON text.
 */
final class ArrayLiterals {

  private ArrayLiterals() {}

  static String of(JsonNode array) {
    StringBuilder literal = new StringBuilder("{");
    for (JsonNode element : array) {
      if (literal.length() > 1) {
        literal.append(',');
      }
      if (element.isNull()) {
        literal.append("NULL");
      } else if (element.isArray()) {
        literal.append(of(element));
      } else {
        String text = element.isTextual() ? element.textValue() : element.toString();
        literal.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      }
    }
    return literal.append('}').toString();
  }
}
