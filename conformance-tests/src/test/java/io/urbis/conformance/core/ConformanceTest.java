package io.urbis.conformance.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.MediaTypes;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.UrbisTest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@UrbisTest
@DisplayName("Conformance declaration {root}/conformance")
class ConformanceTest {

  private static final String PART1 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";

  /** The classes Urbis declares; core is the one the standard requires of every implementation. */
  private static final List<String> DECLARED = List.of(PART1 + "core", PART1 + "geojson", PART1 + "html",
      PART1 + "oas30");

  private final Api api;

  ConformanceTest(Api api) {
    this.api = api;
  }

  @Test
  @DisplayName("/conf/core/conformance-op")
  void conformanceOp() {
    Reply reply = api.get("/conformance", "Accept", MediaTypes.JSON);
    assertEquals(200, reply.status(), reply::describe);
    assertEquals(MediaTypes.JSON, reply.mediaType());
  }

  @Test
  @DisplayName("/conf/core/conformance-success")
  void conformanceSuccess() {
    JsonNode conformsTo = api.json("/conformance").path("conformsTo");
    assertTrue(conformsTo.isArray(), "conformsTo is not an array");
    Json.elements(conformsTo).forEach(uri -> assertTrue(uri.isTextual(), "not a URI string: " + uri));
    Set<String> classes = Json.elements(conformsTo).stream().map(JsonNode::asText).collect(Collectors.toSet());
    DECLARED.forEach(declared -> assertTrue(classes.contains(declared), declared + " missing from " + classes));
  }
}
