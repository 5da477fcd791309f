package io.urbis.conformance.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.Links;
import io.urbis.conformance.support.MediaTypes;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.Times;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.UrbisTest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@UrbisTest
@DisplayName("Feature collections {root}/collections")
class CollectionsTest {

  private static final Set<String> CRS84 = Set.of("http://www.opengis.net/def/crs/OGC/1.3/CRS84",
      "http://www.opengis.net/def/crs/OGC/0/CRS84h");
  private static final double TOLERANCE = 1e-7;

  private final Api api;
  private final Truth truth;

  CollectionsTest(Api api, Truth truth) {
    this.api = api;
    this.truth = truth;
  }

  @Test
  @DisplayName("/conf/core/fc-md-op")
  void fcMdOp() {
    Reply reply = api.get("/collections", "Accept", MediaTypes.JSON);
    assertEquals(200, reply.status(), reply::describe);
    assertEquals(MediaTypes.JSON, reply.mediaType());
  }

  @Test
  @DisplayName("/conf/core/fc-md-success")
  void fcMdSuccess() {
    JsonNode collections = api.json("/collections");
    assertTrue(collections.path("collections").isArray(), "no collections array");
    Links.assertRelTypeAndHref(collections, "/collections");
    assertAll(entries(collections).stream().map(entry -> () -> {
      List<JsonNode> crs = Json.elements(entry.get("crs"));
      if (!crs.isEmpty()) {
        assertTrue(CRS84.contains(crs.get(0).asText()), entry.path("id") + ": first crs is " + crs.get(0));
      }
    }));
  }

  @Test
  @DisplayName("/conf/core/fc-md-links")
  void fcMdLinks() {
    JsonNode collections = api.json("/collections");
    Links.assertRelTypeAndHref(collections, "/collections");
    Links.assertSelfAndAlternate(api, collections, "/collections", MediaTypes.JSON);
  }

  @Test
  @DisplayName("/conf/core/fc-md-items")
  void fcMdItems() {
    List<JsonNode> entries = entries(api.json("/collections"));
    entries.forEach(entry -> assertTrue(entry.path("id").isTextual(), "a collection without id: " + entry));
    Set<String> ids = new TreeSet<>(entries.stream().map(entry -> entry.path("id").asText()).toList());
    assertEquals(entries.size(), ids.size(), "collection ids are not unique");
    assertEquals(truth.collectionIds(), ids, "the published collections are the tables and views with a geometry in public");
  }

  @Test
  @DisplayName("/conf/core/fc-md-items-links")
  void fcMdItemsLinks() {
    assertAll(entries(api.json("/collections")).stream().map(entry -> () -> {
      String id = entry.path("id").asText();
      Links.assertRelTypeAndHref(entry, id);
      String geojson = Links.href(entry, "items", MediaTypes.GEOJSON)
          .orElseThrow(() -> new AssertionError(id + ": no items link of type application/geo+json"));
      assertTrue(Links.href(entry, "items", MediaTypes.HTML).isPresent(), id + ": no items link of type text/html");
      assertEquals("FeatureCollection", api.json(geojson).path("type").asText(), id + ": the items link leads elsewhere");
    }));
  }

  @Test
  @DisplayName("/conf/core/fc-md-extent")
  void fcMdExtent() {
    Map<String, JsonNode> entries = byId(api.json("/collections"));
    List<Layer> withExtent = Arrays.stream(Layer.values()).filter(layer -> entries.get(layer.id()) != null
        && entries.get(layer.id()).path("extent").isObject()).toList();
    Assumptions.assumeFalse(withExtent.isEmpty(), "no collection states an extent: nothing to check");
    assertAll(withExtent.stream().<Executable>map(layer -> () -> {
      JsonNode extent = entries.get(layer.id()).path("extent");
      assertSpatialExtentContainsAll(layer, extent.path("spatial"));
      if (extent.path("temporal").isObject() && hasConstructionDate(layer)) {
        assertTemporalExtentContainsAll(layer, extent.path("temporal"));
      }
    }));
  }

  private void assertSpatialExtentContainsAll(Layer layer, JsonNode spatial) {
    JsonNode crs = spatial.path("crs");
    assertTrue(crs.isMissingNode() || CRS84.contains(crs.asText()), layer + ": extent crs " + crs);
    double[] bbox = toArray(spatial.path("bbox").path(0));
    assertTrue(bbox.length == 4 || bbox.length == 6, layer + ": extent bbox " + spatial.path("bbox"));
    double[] box = bbox.length == 4 ? bbox : new double[] {bbox[0], bbox[1], bbox[3], bbox[4]};
    truth.envelopes(layer).forEach((key, envelope) -> assertTrue(contains(box, envelope),
        () -> layer + ": feature " + key + " " + Arrays.toString(envelope) + " lies outside the extent "
            + Arrays.toString(bbox)));
  }

  private void assertTemporalExtentContainsAll(Layer layer, JsonNode temporal) {
    JsonNode interval = temporal.path("interval").path(0);
    assertEquals(2, interval.size(), layer + ": temporal interval " + temporal);
    Instant first = Times.parse(aggregate("min", layer));
    Instant last = Times.parse(aggregate("max", layer));
    assertTrue(interval.get(0).isNull() || !Times.parse(interval.get(0).asText()).isAfter(first),
        layer + ": the temporal extent starts after " + first + ": " + interval);
    assertTrue(interval.get(1).isNull() || !Times.parse(interval.get(1).asText()).isBefore(last),
        layer + ": the temporal extent ends before " + last + ": " + interval);
  }

  private String aggregate(String function, Layer layer) {
    return truth.column("SELECT " + function + "(" + Layer.BUILDINGS_TEMPORAL_COLUMN + ")::text FROM " + layer.id())
        .get(0);
  }

  private static boolean hasConstructionDate(Layer layer) {
    return layer == Layer.BUILDINGS || layer == Layer.BIG_BUILDINGS;
  }

  /** Whether a CRS84 box (west > east when it crosses the antimeridian) contains an envelope. */
  private static boolean contains(double[] box, double[] envelope) {
    return containsLongitude(box, envelope[0]) && containsLongitude(box, envelope[2])
        && envelope[1] >= box[1] - TOLERANCE && envelope[3] <= box[3] + TOLERANCE;
  }

  private static boolean containsLongitude(double[] box, double lon) {
    boolean west = lon >= box[0] - TOLERANCE;
    boolean east = lon <= box[2] + TOLERANCE;
    return box[0] <= box[2] ? west && east : west || east;
  }

  private static double[] toArray(JsonNode numbers) {
    return Json.elements(numbers).stream().mapToDouble(JsonNode::asDouble).toArray();
  }

  static List<JsonNode> entries(JsonNode collections) {
    List<JsonNode> entries = Json.elements(collections.get("collections"));
    assertFalse(entries.isEmpty(), "no collections");
    return entries;
  }

  static Map<String, JsonNode> byId(JsonNode collections) {
    Map<String, JsonNode> byId = new TreeMap<>();
    entries(collections).forEach(entry -> byId.put(entry.path("id").asText(), entry));
    return byId;
  }
}
