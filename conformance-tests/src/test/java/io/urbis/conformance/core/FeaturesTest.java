package io.urbis.conformance.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.FeaturePages;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.KeySets;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.Links;
import io.urbis.conformance.support.MediaTypes;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.Selection;
import io.urbis.conformance.support.Times;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.UrbisTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@UrbisTest
@DisplayName("Features {root}/collections/{collectionId}/items")
class FeaturesTest {

  private static final Selection BUILDINGS_1970S = Selection.datetime(Layer.BUILDINGS,
      "1970-01-01T00:00:00Z/1980-01-01T00:00:00Z", Layer.BUILDINGS_TEMPORAL_COLUMN + " BETWEEN ?::date AND ?::date",
      "1970-01-01", "1980-01-01");
  private static final Selection BUILDINGS_BBOX = Selection.bbox(Layer.BUILDINGS, 6.955, 50.935, 6.975, 50.945);
  private static final Selection POI_BBOX = Selection.bbox(Layer.POI, 6.95, 50.93, 6.99, 50.95);
  private static final Selection ISLANDS_ACROSS = Selection.bbox(Layer.ISLANDS, 177, -20, -175, -12);

  private final Api api;
  private final Truth truth;

  FeaturesTest(Api api, Truth truth) {
    this.api = api;
    this.truth = truth;
  }

  @Test
  @DisplayName("/conf/core/fc-op")
  void fcOp() {
    assertAll(Arrays.stream(Layer.values()).flatMap(layer -> Stream.of("", "?limit=3", "?bbox=-180,-90,180,90",
        "?datetime=2000-01-01T00:00:00Z/..").map(query -> () -> {
          Reply reply = api.get(layer.items() + query, "Accept", MediaTypes.GEOJSON);
          assertEquals(200, reply.status(), reply::describe);
          assertEquals("FeatureCollection", reply.json().path("type").asText(), reply::describe);
        })));
    KeySets.assertSelects(api, truth, BUILDINGS_BBOX.and(BUILDINGS_1970S));
  }

  @Test
  @DisplayName("/conf/core/fc-response")
  void fcResponse() {
    assertAll(Arrays.stream(Layer.values()).map(layer -> () -> {
      JsonNode page = api.json(layer.items());
      assertEquals("FeatureCollection", page.path("type").asText(), layer.items());
      assertTrue(page.path("features").isArray(), layer.items() + ": no features array");
      assertFalse(page.path("features").isEmpty(), layer.items() + ": no features in a collection that has some");
      Json.elements(page.get("features")).forEach(feature ->
          assertEquals("Feature", feature.path("type").asText(), layer.items() + ": " + feature));
    }));
    assertAll(Stream.of(BUILDINGS_BBOX.and(BUILDINGS_1970S), POI_BBOX, ISLANDS_ACROSS)
        .map(selection -> () -> KeySets.assertSelects(api, truth, selection)));
  }

  @Test
  @DisplayName("/conf/core/fc-links")
  void fcLinks() {
    String path = Layer.BUILDINGS.items();
    JsonNode page = api.json(path + "?limit=10");
    Links.assertRelTypeAndHref(page, path);
    Links.assertSelfAndAlternate(api, page, path, MediaTypes.GEOJSON);
    JsonNode self = api.json(Links.href(page, "self").orElseThrow());
    assertEquals(keys(page), keys(self), "the self link returns other features");
    assertTrue(FeaturePages.link(page, "next").isPresent(), "no next link although 1,190 more features match");
  }

  @Test
  @DisplayName("/conf/core/fc-rel-type")
  void fcRelType() {
    JsonNode first = api.json(Layer.POI.items() + "?limit=100");
    JsonNode second = api.json(FeaturePages.link(first, "next").orElseThrow(() -> new AssertionError("no next link")));
    JsonNode feature = api.json(Layer.POI.items() + "/" + Api.encode(first.path("features").path(0).path("id").asText()));
    assertAll(
        () -> Links.assertRelTypeAndHref(first, "first page"),
        () -> Links.assertRelTypeAndHref(second, "second page"),
        () -> Links.assertRelTypeAndHref(feature, "feature"));
  }

  @Test
  @DisplayName("/conf/core/fc-timeStamp")
  void fcTimeStamp() {
    Instant before = Instant.now().minus(Duration.ofSeconds(1));
    JsonNode page = api.json(Layer.STREETS.items());
    Instant after = Instant.now().plus(Duration.ofSeconds(1));
    assertTrue(page.path("timeStamp").isTextual(), "no timeStamp");
    Instant timeStamp = Times.parse(page.path("timeStamp").asText());
    assertTrue(!timeStamp.isBefore(before) && !timeStamp.isAfter(after),
        "timeStamp " + timeStamp + " is not the time of the response, between " + before + " and " + after);
  }

  @Test
  @DisplayName("/conf/core/fc-numberMatched")
  void fcNumberMatched() {
    List<Selection> selections = Stream.concat(Arrays.stream(Layer.values()).map(Selection::all),
        Stream.of(POI_BBOX, ISLANDS_ACROSS, BUILDINGS_1970S, BUILDINGS_BBOX.and(BUILDINGS_1970S))).toList();
    Map<Selection, JsonNode> pages = new LinkedHashMap<>();
    selections.forEach(selection -> pages.put(selection, api.json(selection.target(5))));
    // every selection without filters states it, and these filtered ones match fewer than filteredCountLimit
    assertAll(pages.entrySet().stream().map(entry -> () -> {
      assertTrue(entry.getValue().has("numberMatched"), entry.getKey() + ": no numberMatched");
      assertEquals(truth.count(entry.getKey()), entry.getValue().path("numberMatched").asLong(),
          entry.getKey() + ": numberMatched");
    }));
  }

  @Test
  @DisplayName("/conf/core/fc-numberReturned")
  void fcNumberReturned() {
    assertAll(Stream.of(Selection.all(Layer.BUILDINGS), POI_BBOX, ISLANDS_ACROSS, BUILDINGS_1970S).map(selection -> () ->
        FeaturePages.follow(api, selection.target(37), "next").forEach(page -> {
          assertTrue(page.path("numberReturned").isIntegralNumber(), selection + ": no numberReturned");
          assertEquals(page.path("features").size(), page.path("numberReturned").asInt(), selection + ": numberReturned");
        })));
  }

  private List<String> keys(JsonNode page) {
    return Json.elements(page.get("features")).stream().map(Layer.BUILDINGS::keyOf).toList();
  }
}
