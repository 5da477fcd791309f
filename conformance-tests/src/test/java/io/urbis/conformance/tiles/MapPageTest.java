package io.urbis.conformance.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.BrowserScript;
import io.urbis.conformance.support.Urbis;
import io.urbis.conformance.support.UrbisTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTML map of the tiles in a real browser: MapLibre GL JS, served by Urbis, draws the tiles in Debian's
 * headless Chromium (driven by {@code browser/render-map.mjs}) with no failed request and no console error. The
 * screenshot is left in {@code target/}.
 */
@UrbisTest
@DisplayName("HTML map of the vector tiles in Chromium")
class MapPageTest {

  private final Api api;

  MapPageTest(Api api) {
    this.api = api;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/tiles/WebMercatorQuad?f=html", "/collections/buildings/tiles/WebMercatorQuad?f=html"})
  @DisplayName("MapLibre draws the tiles without failed requests or console errors")
  void mapDrawsTiles(String page) throws IOException, InterruptedException {
    String name = "map-" + api.source() + page.replaceAll("\\?f=html", "").replaceAll("[^A-Za-z]+", "-") + ".png";
    Path screenshot = Urbis.target(name);
    BrowserScript.Result result = BrowserScript.run("render-map.mjs",
        List.of(api.uri(page).toString(), screenshot.toString()));
    assertEquals(0, result.exitValue(), "render-map.mjs reports: " + result.output());
    assertTrue(Files.size(screenshot) > 0, "screenshot " + screenshot);
  }
}
