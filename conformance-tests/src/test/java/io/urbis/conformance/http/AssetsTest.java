package io.urbis.conformance.http;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.OgcExceptions;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.UrbisTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /assets/...} serves the scripts, styles and images of the HTML pages, and nothing else of the jar. */
@UrbisTest
@DisplayName("Assets")
class AssetsTest {

  private final Api api;

  AssetsTest(Api api) {
    this.api = api;
  }

  @Test
  @DisplayName("the scripts and styles the HTML pages load are served with their media types")
  void assetsOfThePages() {
    Map<String, String> assets = Map.of("/assets/urbis/urbis.css", "text/css", "/assets/urbis/map.js",
        "text/javascript", "/assets/urbis/tiles-map.js", "text/javascript", "/assets/leaflet/leaflet.js",
        "text/javascript", "/assets/maplibre/maplibre-gl.css", "text/css", "/assets/swagger-ui/swagger-ui.css",
        "text/css", "/assets/leaflet/images/marker-icon.png", "image/png");
    assertAll(assets.entrySet().stream().map(asset -> () -> {
      Reply reply = api.get(asset.getKey());
      assertEquals(200, reply.status(), reply::describe);
      assertEquals(asset.getValue(), reply.mediaType(), asset.getKey());
      assertTrue(reply.body().length > 0, asset.getKey() + " is empty");
    }));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "/assets/urbis/Layout.class",
      "/assets/urbis/../encode/html/Layout.class",
      "/assets/urbis/%2e%2e/%2e%2e/io/urbis/Urbis.class",
      "/assets/urbis/..%2f..%2fio/urbis/Urbis.class",
      "/assets/maplibre/../../io/urbis/Urbis.class",
      "/assets/cesium/../../jetty-logging.properties",
      "/assets/leaflet/../../../../../META-INF/MANIFEST.MF",
      "/assets/swagger-ui/META-INF/MANIFEST.MF",
      "/assets/urbis/Urbis.java",
      "/assets/urbis/urbis.properties",
      "/assets/maplibre/README.md",
      "/assets/swagger-ui/swagger-ui-bundle.js.LICENSE.txt",
      "/assets/io/urbis/Urbis.class",
      "/assets/urbis/",
      "/assets/urbis/map.js/",
      "/assets/urbis/map"})
  @DisplayName("no class, source, configuration or other file that is not an asset is served")
  void nothingElse(String path) {
    Reply reply = api.get(path);
    assertTrue(Stream.of(400, 404).anyMatch(status -> status == reply.status()), reply::describe);
    OgcExceptions.assertException(reply, reply.status());
  }
}
