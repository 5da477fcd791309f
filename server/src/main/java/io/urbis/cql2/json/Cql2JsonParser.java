package io.urbis.cql2.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.urbis.cql2.Cql2SyntaxException;
import io.urbis.cql2.ast.Category;
import io.urbis.cql2.ast.Expression;

/**
 * Parses CQL2-JSON (OGC 21-065 JSON Schema of 1.0.0) into the same {@link Expression} trees as CQL2-text. Errors are
 * {@link Cql2SyntaxException}s naming the JSON pointer of the bad member. Operator names are matched ignoring case.
 * Input is bounded in length and nesting.
 */
public final class Cql2JsonParser {

  /** Larger than for text: a JSON filter arrives in a request body and GeoJSON geometries are verbose. */
  public static final int MAX_LENGTH = 262_144;
  public static final int MAX_DEPTH = 100;

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private Cql2JsonParser() {}

  public static Expression parse(String json) {
    if (json.length() > MAX_LENGTH) {
      throw Cql2SyntaxException.of("the filter is longer than " + MAX_LENGTH + " characters");
    }
    return parse(readTree(json));
  }

  public static Expression parse(JsonNode json) {
    Expression filter = new JsonExpressionReader(MAX_DEPTH).expression(json, "");
    if (!Category.PREDICATE.admits(filter)) {
      throw Cql2SyntaxException.atPointer("", "expected " + Category.PREDICATE.description());
    }
    return filter;
  }

  private static JsonNode readTree(String json) {
    try {
      JsonNode tree = JSON.readTree(json);
      if (tree == null || tree.isMissingNode()) {
        throw Cql2SyntaxException.of("the filter is empty");
      }
      return tree;
    } catch (JacksonException e) {
      JsonLocation location = e.getLocation();
      String where = location == null ? "" : "at line " + location.getLineNr() + ", column "
          + location.getColumnNr() + ": ";
      String reason = e.getOriginalMessage().replaceFirst("\\s*\\(start marker at .*", "");
      throw Cql2SyntaxException.of(where + "not valid JSON: " + reason);
    }
  }
}
