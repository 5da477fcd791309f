package io.urbis.conformance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.StreamSupport;

/** Jackson in one place. */
public final class Json {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Json() {}

  public static JsonNode parse(byte[] json) {
    return read(JSON, json);
  }

  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode parseYaml(byte[] yaml) {
    return read(YAML, yaml);
  }

  private static JsonNode read(ObjectMapper mapper, byte[] content) {
    try {
      JsonNode node = mapper.readTree(content);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("empty document");
      }
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The elements of an array node (none for anything else). */
  public static List<JsonNode> elements(JsonNode array) {
    return array != null && array.isArray()
        ? StreamSupport.stream(array.spliterator(), false).toList()
        : List.of();
  }
}
