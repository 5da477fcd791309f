package io.urbis.conformance.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Geometries;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.Links;
import io.urbis.conformance.support.MediaTypes;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.UrbisTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@UrbisTest
@DisplayName("Feature {root}/collections/{collectionId}/items/{featureId}")
class FeatureTest {

  /** Text keys that need percent-encoding in the path. */
  private static final List<String> AWKWARD_POI_IDS = List.of("poi-café", "poi with space");

  private final Api api;
  private final Truth truth;

  FeatureTest(Api api, Truth truth) {
    this.api = api;
    this.truth = truth;
  }

  @Test
  @DisplayName("/conf/core/f-op")
  void fOp() {
    assertAll(samples().map(sample -> () -> {
      Reply reply = api.get(sample.path(), "Accept", MediaTypes.GEOJSON);
      assertEquals(200, reply.status(), reply::describe);
      assertEquals(MediaTypes.GEOJSON, reply.mediaType(), sample.path());
    }));
  }

  @Test
  @DisplayName("/conf/core/f-success")
  void fSuccess() {
    Map<Layer, Map<String, String>> geometries = new EnumMap<>(Layer.class);
    assertAll(samples().map(sample -> () -> {
      JsonNode feature = api.json(sample.path());
      assertEquals("Feature", feature.path("type").asText(), sample.path());
      assertEquals(sample.id(), feature.path("id").asText(), sample.path() + ": id");
      Map<String, String> truthGeometries = geometries.computeIfAbsent(sample.layer(), truth::geometries);
      String key = sample.layer().keyOf(feature);
      assertTrue(truthGeometries.containsKey(key), sample.path() + ": no such feature in the table: " + key);
      Geometries.assertSame(truthGeometries.get(key), feature.get("geometry"), sample.path());
    }));
    assertBuildingPropertiesMatchTheTable();
  }

  @Test
  @DisplayName("/conf/core/f-links")
  void fLinks() {
    assertAll(samples().map(sample -> () -> {
      JsonNode feature = api.json(sample.path());
      Links.assertRelTypeAndHref(feature, sample.path());
      Links.assertSelfAndAlternate(api, feature, sample.path(), MediaTypes.GEOJSON);
      String collection = Links.href(feature, "collection")
          .orElseThrow(() -> new AssertionError(sample.path() + ": no collection link"));
      assertEquals(sample.layer().id(), api.json(collection).path("id").asText(), sample.path() + ": collection link");
    }));
  }

  /** Text, integer, double (also NULL) and boolean columns arrive as the same JSON values. */
  private void assertBuildingPropertiesMatchTheTable() {
    List<List<String>> rows = truth.rows("SELECT id::text, name, floors::text, height::text, residential::text"
        + " FROM buildings WHERE id IN (1, 17, 42, 1200) ORDER BY id");
    assertAll(rows.stream().map(row -> () -> {
      JsonNode properties = api.json(Layer.BUILDINGS.items() + "/" + row.get(0)).path("properties");
      String where = "building " + row.get(0);
      assertEquals(row.get(1), properties.path("name").asText(), where + " name");
      assertEquals(Integer.parseInt(row.get(2)), properties.path("floors").asInt(), where + " floors");
      assertTrue(properties.path("floors").isIntegralNumber(), where + ": floors is not an integer");
      if (row.get(3) == null) {
        assertTrue(properties.path("height").isNull(), where + ": height should be null: " + properties);
      } else {
        assertEquals(Double.parseDouble(row.get(3)), properties.path("height").asDouble(Double.NaN), 0, where + " height");
      }
      assertTrue(properties.path("residential").isBoolean(), where + ": residential is not a boolean");
      assertEquals(Boolean.parseBoolean(row.get(4)), properties.path("residential").asBoolean(), where + " residential");
    }));
  }

  /**
   * The first five features of every collection, as the items response names them, and the awkward POI ids where the
   * source keeps text keys (in a GeoPackage poi's feature ids are integers: there is nothing to percent-encode).
   */
  private Stream<Sample> samples() {
    List<Sample> samples = new ArrayList<>();
    Arrays.stream(Layer.values()).forEach(layer -> Json.elements(api.json(layer.items() + "?limit=5").get("features"))
        .forEach(feature -> {
          assertTrue(feature.path("id").isValueNode(), layer + ": a feature without id: " + feature);
          samples.add(new Sample(layer, feature.path("id").asText()));
        }));
    if (api.source().keepsTextKeys()) {
      AWKWARD_POI_IDS.forEach(id -> samples.add(new Sample(Layer.POI, id)));
    }
    return samples.stream();
  }

  private record Sample(Layer layer, String id) {
    String path() {
      return layer.items() + "/" + Api.encode(id);
    }
  }
}
