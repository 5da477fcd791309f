package io.urbis.conformance.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.FeaturePages;
import io.urbis.conformance.support.Geometries;
import io.urbis.conformance.support.KeySets;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.UrbisTest;
import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@UrbisTest
@DisplayName("General")
class GeneralTest {

  private final Api api;
  private final Truth truth;

  GeneralTest(Api api, Truth truth) {
    this.api = api;
    this.truth = truth;
  }

  @Test
  @DisplayName("/conf/core/http")
  void http() {
    assertAll(Stream.of("/", "/conformance", "/api", "/collections", "/collections/buildings",
        Layer.BUILDINGS.items(), Layer.BUILDINGS.items() + "/1").map(path -> () -> {
          Reply reply = api.get(path);
          assertEquals(200, reply.status(), reply::describe);
          assertEquals(HttpClient.Version.HTTP_1_1, reply.version(), path);
        }));
  }

  @Test
  @DisplayName("/conf/core/crs84")
  void crs84() {
    assertAll(Arrays.stream(Layer.values()).map(layer -> () -> {
      Map<String, String> expected = truth.geometries(layer);
      List<JsonNode> features = FeaturePages.all(api, layer.items() + "?limit=" + KeySets.PAGE);
      KeySets.assertSame(expected.keySet(), FeaturePages.keys(layer, features), layer.items());
      features.forEach(feature -> {
        String key = layer.keyOf(feature);
        Geometries.assertSame(expected.get(key), feature.get("geometry"), layer + " " + key);
      });
    }));
  }
}
