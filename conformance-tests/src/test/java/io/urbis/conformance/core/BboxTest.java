package io.urbis.conformance.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Geometries;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.KeySets;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.Selection;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.UrbisTest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@UrbisTest
@DisplayName("Parameter bbox")
class BboxTest {

  /** Selections in every storage CRS and geometry type, across the antimeridian, in 3D and selecting nothing. */
  private static final List<Selection> CASES = List.of(
      Selection.bbox(Layer.BUILDINGS, 6.96, 50.935, 6.97, 50.94),
      Selection.bbox(Layer.BUILDINGS, 0, 0, 1, 1),
      Selection.bbox(Layer.BIG_BUILDINGS, 6.96, 50.935, 6.97, 50.94),
      Selection.bbox(Layer.STREETS, 6.95, 50.93, 7.0, 50.96),
      Selection.bbox(Layer.POI, 6.95, 50.93, 6.99, 50.95),
      Selection.bbox(Layer.DISTRICTS, 8.6, 50.0, 8.7, 50.05),
      Selection.bbox(Layer.DISTRICTS, -180, -90, 180, 90),
      Selection.bbox(Layer.MIXED, -30, 20, 11, 52),
      Selection.bbox(Layer.ISLANDS, 170, -20, 179, -10),
      Selection.bbox(Layer.ISLANDS, 177, -20, -175, -12),
      Selection.bbox(Layer.SENSORS, 6.9, 50.85, 6.95, 50.9),
      Selection.bbox(Layer.POI3D, 6.9, 50.9, 0, 7.1, 51.0, 1000),
      Selection.bbox(Layer.POI3D, 6.9, 50.9, 50, 7.1, 51.0, 100));

  private final Api api;
  private final Truth truth;

  BboxTest(Api api, Truth truth) {
    this.api = api;
    this.truth = truth;
  }

  @Test
  @DisplayName("/conf/core/fc-bbox-definition")
  void fcBboxDefinition() {
    ItemsParameters.assertDefinition(api, "bbox", (openApi, parameter, schema) -> {
      assertEquals("array", schema.path("type").asText(), "bbox schema type");
      assertEquals("number", openApi.resolve(schema.path("items")).path("type").asText(), "bbox items type");
      assertEquals(4, schema.path("minItems").asInt(), "bbox minItems, which the OGC suite reads: " + schema);
      assertEquals(6, schema.path("maxItems").asInt(), "bbox maxItems, which the OGC suite reads: " + schema);
      assertEquals(Set.of("4-4", "6-6"), Json.elements(schema.get("oneOf")).stream()
          .map(option -> option.path("minItems").asInt() + "-" + option.path("maxItems").asInt())
          .collect(Collectors.toSet()), "bbox oneOf exactly 4 or exactly 6 numbers: " + schema);
      Json.elements(schema.get("oneOf")).forEach(option -> assertEquals("array", option.path("type").asText("array"),
          "a bbox oneOf option of another type than the array's allows no bbox at all: " + schema));
      ItemsParameters.assertNotExploded(parameter, true);
    });
  }

  @Test
  @DisplayName("/conf/core/fc-bbox-response")
  void fcBboxResponse() {
    assertAll(CASES.stream().map(selection -> () -> {
      List<JsonNode> features = KeySets.assertSelects(api, truth, selection);
      features.forEach(feature -> Geometries.assertValid(feature.get("geometry"), selection + " " + feature.path("id")));
    }));
  }
}
