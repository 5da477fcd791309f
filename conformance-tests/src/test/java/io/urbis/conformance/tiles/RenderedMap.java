package io.urbis.conformance.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.BrowserScript;
import io.urbis.conformance.support.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A map page as Debian's headless Chromium drew it ({@code browser/render-map.mjs}) under a strict
 * Content-Security-Policy: every tile loaded, two layers' colours at least on the canvas (one of a map of one
 * layer), every layer in the legend in its colour, without JavaScript a link to every layer's collection, and where
 * asked, every layer of the style in the tiles and drawn in view.
 *
 * @param layers what the script reports of each layer, by layer (collection) id
 */
record RenderedMap(JsonNode layers) {

  /**
   * Renders {@code page}, leaving a screenshot of it at {@code screenshot}; fails with what the script reports.
   * {@code everyLayerDrawn} where the map starts at a zoom that shows every layer's features: not where they are
   * spread over the world and some, a town's buildings, are smaller than a pixel at the zoom that holds them all.
   */
  static RenderedMap of(URI page, Path screenshot, boolean everyLayerDrawn) throws IOException,
      InterruptedException {
    List<String> arguments = new ArrayList<>(List.of(page.toString(), screenshot.toString()));
    if (everyLayerDrawn) {
      arguments.add("--every-layer");
    }
    BrowserScript.Result result = BrowserScript.run("render-map.mjs", arguments);
    assertEquals(0, result.exitValue(), "render-map.mjs reports: " + result.output());
    assertTrue(Files.size(screenshot) > 0, "screenshot " + screenshot);
    String summary = result.output().lines().filter(line -> line.startsWith("{")).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("render-map.mjs printed no summary: " + result.output()));
    return new RenderedMap(Json.parse(summary).path("layers"));
  }

  /** The pixels of the map drawn in the colour of layer {@code id} over the background, none of another layer's. */
  int pixels(String id) {
    return layers.path(id).path("pixels").asInt();
  }

  /** The ids of the layers drawn. */
  Set<String> layerIds() {
    Set<String> ids = new TreeSet<>();
    layers.fieldNames().forEachRemaining(ids::add);
    return ids;
  }
}
