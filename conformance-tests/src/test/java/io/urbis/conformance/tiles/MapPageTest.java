package io.urbis.conformance.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Urbis;
import io.urbis.conformance.support.UrbisTest;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTML maps of the tiles in a real browser: MapLibre GL JS, served by Urbis, draws the tiles in Debian's
 * headless Chromium (see {@link RenderedMap}) with no failed request, no console error and nothing the strict
 * Content-Security-Policy forbids; every collection is a layer of the dataset's map and of the landing page's,
 * which links each. The screenshots are left in {@code target/}.
 */
@UrbisTest
@DisplayName("HTML map of the vector tiles in Chromium")
class MapPageTest {

  private static final String GEOVOLUMES = "http://www.opengis.net/def/rel/ogc/1.0/3d-geovolumes";

  private final Api api;

  MapPageTest(Api api) {
    this.api = api;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/tiles/WebMercatorQuad?f=html", "/collections/buildings/tiles/WebMercatorQuad?f=html"})
  @DisplayName("MapLibre draws the tiles without failed requests or console errors")
  void mapDrawsTiles(String page) throws IOException, InterruptedException {
    String name = "map-" + api.source() + page.replaceAll("\\?f=html", "").replaceAll("[^A-Za-z]+", "-") + ".png";
    // the dataset's map starts with the world, where the fixture's town is smaller than a pixel
    boolean dataset = page.startsWith("/tiles/");
    RenderedMap map = RenderedMap.of(api.uri(page), Urbis.target(name), !dataset);
    if (dataset) {
      assertEquals(collectionIds(api), map.layerIds(), "every collection is a layer of the dataset's map");
    }
  }

  @Test
  @DisplayName("The landing page maps every collection and links each")
  void landingPageMapsEveryCollection() throws IOException, InterruptedException {
    RenderedMap map = RenderedMap.of(api.uri("/?f=html"), Urbis.target("landing-page-" + api.source() + ".png"),
        false);
    assertEquals(collectionIds(api), map.layerIds());
    assertLandingPageLinksEveryCollection(api, Set.of());
  }

  /**
   * The landing page links every collection's page, features and map, and its 3D view exactly when it has 3D tiles;
   * it lists {@code heatPlanLayers} apart, under a heading of their own, and has no such section without any.
   */
  static void assertLandingPageLinksEveryCollection(Api api, Set<String> heatPlanLayers) {
    String html = api.get("/?f=html").text();
    for (JsonNode collection : Json.elements(api.json("/collections").path("collections"))) {
      String path = api.uri("/collections/" + Api.encode(collection.path("id").asText())).toString();
      for (String page : List.of(path + "?f=html", path + "/items?f=html", path + "/items?f=json",
          path + "/tiles/WebMercatorQuad?f=html")) {
        assertTrue(html.contains("href=\"" + page + "\""), page);
      }
      boolean has3dTiles = Json.elements(collection.path("links")).stream()
          .anyMatch(link -> GEOVOLUMES.equals(link.path("rel").asText()));
      assertEquals(has3dTiles, html.contains("href=\"" + path + "?f=html#view3d\""), path + " 3D view");
    }
    int heading = html.indexOf("<h2>Heat plan layers</h2>");
    assertEquals(heatPlanLayers.isEmpty(), heading < 0, "a section of heat plan layers exactly when there are any");
    if (heading >= 0) {
      String heatPlan = html.substring(heading, html.indexOf("</ul>", heading));
      assertEquals(heatPlanLayers, swatches(heatPlan), "the heat plan layers' section");
      String collections = html.substring(html.indexOf("<h2>Collections</h2>"), heading);
      assertTrue(Collections.disjoint(heatPlanLayers, swatches(collections)),
          "heat plan layers are not among the other collections");
    }
  }

  /** The layers whose swatches {@code html} holds. */
  private static Set<String> swatches(String html) {
    Set<String> ids = new TreeSet<>();
    Matcher swatch = Pattern.compile("<span class=\"layer-swatch\" data-layer=\"([^\"]+)\">").matcher(html);
    while (swatch.find()) {
      ids.add(swatch.group(1));
    }
    return ids;
  }

  /** The ids of the collections the server publishes. */
  static Set<String> collectionIds(Api api) {
    Set<String> ids = new TreeSet<>();
    Json.elements(api.json("/collections").path("collections")).forEach(c -> ids.add(c.path("id").asText()));
    return ids;
  }
}
