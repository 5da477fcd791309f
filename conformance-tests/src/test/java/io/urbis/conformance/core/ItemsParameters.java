package io.urbis.conformance.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.OpenApiDocument;

/** The parameter definition tests (fc-bbox-definition, fc-limit-definition, fc-time-definition) share this frame. */
final class ItemsParameters {

  private ItemsParameters() {}

  /**
   * Every items operation of the OpenAPI document takes the parameter as an optional query parameter of style
   * form, and its definition and schema pass {@code check}.
   */
  static void assertDefinition(Api api, String name, Check check) {
    OpenApiDocument openApi = OpenApiDocument.fetch(api);
    assertAll(openApi.itemsOperations().entrySet().stream().map(operation -> () -> {
      String where = operation.getKey() + " parameter " + name;
      JsonNode parameter = openApi.parameter(operation.getKey(), operation.getValue(), name)
          .orElseThrow(() -> new AssertionError(where + " is not defined"));
      assertEquals("query", parameter.path("in").asText(), where + ": in");
      assertFalse(parameter.path("required").asBoolean(false), where + ": required");
      assertEquals("form", parameter.path("style").asText("form"), where + ": style");
      check.check(openApi, parameter, openApi.schema(parameter));
    }));
  }

  /** What one parameter's definition must say beyond the common frame. */
  interface Check {
    void check(OpenApiDocument openApi, JsonNode parameter, JsonNode schema);
  }

  /** {@code explode: false}, where an explicit value matters (arrays) or is given. */
  static void assertNotExploded(JsonNode parameter, boolean required) {
    if (required || parameter.has("explode")) {
      assertFalse(parameter.path("explode").asBoolean(true), parameter.path("name").asText() + ": explode");
    }
  }
}
