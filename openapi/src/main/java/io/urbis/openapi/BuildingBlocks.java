package io.urbis.openapi;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OGC API - Features Part 1 building blocks kept as YAML resources next to this class.
 * Each call reads fresh, mutable objects, so one document can be adapted (limits, collections)
 * without affecting the next.
 */
final class BuildingBlocks {

  private BuildingBlocks() {}

  static Map<String, Parameter> parameters() {
    return read("parameters.yaml", Parameter.class);
  }

  @SuppressWarnings("rawtypes") // Components.setSchemas takes raw Schema values
  static Map<String, Schema> schemas() {
    return read("schemas.yaml", Schema.class);
  }

  static Map<String, ApiResponse> responses() {
    return read("responses.yaml", ApiResponse.class);
  }

  private static <T> Map<String, T> read(String resource, Class<T> valueType) {
    // Swagger's own mapper knows how to deserialize Schema and Parameter subtypes
    ObjectMapper yaml = Yaml.mapper();
    JavaType mapType =
        yaml.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, valueType);
    try (InputStream in = BuildingBlocks.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource missing from the jar: " + resource);
      }
      return yaml.readValue(in, mapType);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read building block " + resource, e);
    }
  }
}
