package io.urbis.conformance.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.MediaTypes;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.UrbisTest;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code limit}: Urbis defines default 10 and maximum 10,000, and clamps larger values to the maximum. */
@UrbisTest
@DisplayName("Parameter limit")
class LimitTest {

  private static final int DEFAULT = 10;
  private static final int MAXIMUM = 10_000;

  private final Api api;
  private final Truth truth;

  LimitTest(Api api, Truth truth) {
    this.api = api;
    this.truth = truth;
  }

  @Test
  @DisplayName("/conf/core/fc-limit-definition")
  void fcLimitDefinition() {
    ItemsParameters.assertDefinition(api, "limit", (openApi, parameter, schema) -> {
      assertEquals("integer", schema.path("type").asText(), "limit schema type");
      assertEquals(DEFAULT, schema.path("default").asInt(-1), "limit default");
      assertEquals(MAXIMUM, schema.path("maximum").asInt(-1), "limit maximum");
      assertTrue(schema.path("minimum").asInt(1) >= 0, "limit minimum " + schema.path("minimum"));
      ItemsParameters.assertNotExploded(parameter, false);
    });
  }

  @Test
  @DisplayName("/conf/core/fc-limit-response")
  void fcLimitResponse() {
    long buildings = truth.count(Layer.BUILDINGS);
    assertAll(IntStream.of(1, 5, 10, 100, 1000, 5000).mapToObj(limit -> () ->
        assertReturns(Layer.BUILDINGS.items() + "?limit=" + limit, (int) Math.min(limit, buildings))));
    assertReturns(Layer.BUILDINGS.items(), DEFAULT);
    assertTrue(truth.count(Layer.SENSORS) > MAXIMUM, "the fixture must exceed the maximum");
    assertAll(Stream.of("10001", "2147483648", "99999999999999999999").map(limit -> () ->
        assertReturns(Layer.SENSORS.items() + "?limit=" + limit, MAXIMUM)));
  }

  /** 200, and exactly this many features (pages are full unless the selection ends). */
  private void assertReturns(String target, int expected) {
    Reply reply = api.get(target, "Accept", MediaTypes.GEOJSON);
    assertEquals(200, reply.status(), reply::describe);
    JsonNode page = reply.json();
    assertEquals(expected, page.path("features").size(), target + ": number of features");
  }
}
