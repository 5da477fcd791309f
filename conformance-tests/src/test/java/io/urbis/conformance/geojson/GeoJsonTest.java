package io.urbis.conformance.geojson;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.FeaturePages;
import io.urbis.conformance.support.Geometries;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.MediaTypes;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.UrbisTest;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@UrbisTest
@DisplayName("Conformance class GeoJSON")
class GeoJsonTest {

  private final Api api;

  GeoJsonTest(Api api) {
    this.api = api;
  }

  @Test
  @DisplayName("/conf/geojson/definition")
  void definition() {
    String feature = FeaturePages.path(api, Layer.POI, "poi-0001");
    Stream<Executable> features = Stream.of(Layer.POI.items(), feature, Layer.POI.items() + "?f=json", feature + "?f=json")
        .map(path -> () -> assertServes(path, MediaTypes.GEOJSON, MediaTypes.GEOJSON));
    Stream<Executable> others = Stream.of("/", "/conformance", "/collections", "/collections/poi", "/?f=json")
        .map(path -> () -> assertServes(path, MediaTypes.JSON, MediaTypes.JSON));
    assertAll(Stream.concat(features, others));
  }

  @Test
  @DisplayName("/conf/geojson/content")
  void content() {
    assertAll(Arrays.stream(Layer.values()).map(layer -> () -> {
      JsonNode page = api.json(layer.items() + "?limit=50");
      assertFeatureCollection(page, layer.items());
      JsonNode first = page.path("features").path(0);
      String id = first.path("id").asText();
      JsonNode feature = api.json(layer.items() + "/" + Api.encode(id));
      assertFeature(feature, layer.items() + "/" + id);
      assertEquals(first.path("id"), feature.path("id"), layer + ": the id member is the featureId of the path");
    }));
  }

  private void assertServes(String path, String accept, String mediaType) {
    Reply reply = api.get(path, "Accept", accept);
    assertEquals(200, reply.status(), reply::describe);
    assertEquals(mediaType, reply.mediaType(), path);
    reply.json();
  }

  /** RFC 7946 section 3.3 plus the members of featureCollectionGeoJSON.yaml. */
  private static void assertFeatureCollection(JsonNode page, String where) {
    assertEquals("FeatureCollection", page.path("type").asText(), where + ": type");
    assertTrue(page.path("features").isArray(), where + ": features");
    assertTrue(page.path("links").isMissingNode() || page.path("links").isArray(), where + ": links");
    assertTrue(page.path("numberReturned").isMissingNode() || page.path("numberReturned").canConvertToExactIntegral(),
        where + ": numberReturned");
    Json.elements(page.get("features")).forEach(feature -> assertFeature(feature, where));
  }

  /** RFC 7946 section 3.2: type, geometry (object or null), properties (object or null), id string or number. */
  private static void assertFeature(JsonNode feature, String where) {
    String at = where + " feature " + feature.path("id");
    assertEquals("Feature", feature.path("type").asText(), at + ": type");
    assertTrue(feature.has("geometry"), at + ": no geometry member");
    assertTrue(feature.path("properties").isObject() || feature.path("properties").isNull(), at + ": properties");
    JsonNode id = feature.path("id");
    assertTrue(id.isMissingNode() || id.isTextual() || id.isNumber(), at + ": id is neither string nor number");
    Geometries.assertValid(feature.get("geometry"), at);
  }
}
