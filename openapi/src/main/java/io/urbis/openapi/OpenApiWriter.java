package io.urbis.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;

/**
 * Serializes a document as OpenAPI 3.0 JSON or YAML. Swagger's 3.0 mappers leave out null
 * members and the 3.1-only fields of its models.
 */
public final class OpenApiWriter {

  private OpenApiWriter() {}

  public static String toJson(OpenAPI document) {
    return write(Json.pretty(), document);
  }

  public static String toYaml(OpenAPI document) {
    return write(Yaml.pretty(), document);
  }

  private static String write(ObjectWriter writer, OpenAPI document) {
    try {
      return writer.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      // The models are plain beans: failing here is a bug, not a runtime condition
      throw new IllegalStateException("cannot serialize the OpenAPI document", e);
    }
  }
}
