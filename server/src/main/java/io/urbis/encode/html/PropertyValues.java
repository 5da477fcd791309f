package io.urbis.encode.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.encode.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a feature's properties JSON into display text: scalars as text, objects and arrays as compact JSON. */
final class PropertyValues {

  private PropertyValues() {}

  /** The properties in document order; JSON null becomes the empty string. */
  static Map<String, String> read(String propertiesJson) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    if (propertiesJson == null || propertiesJson.isBlank()) {
      return values;
    }
    JsonNode object = Json.MAPPER.readTree(propertiesJson);
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      values.put(field.getKey(), text(field.getValue()));
    }
    return values;
  }

  static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }
}
