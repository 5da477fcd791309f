package io.urbis.conformance.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Urbis;
import io.urbis.conformance.support.UrbisTest;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
    assertLandingPageLinksEveryCollection(api);
  }

  /**
   * The landing page links every collection's page, features and map, and its 3D view exactly when it has 3D tiles;
   * it has no section of heat plan layers while no collection is one.
   */
  static void assertLandingPageLinksEveryCollection(Api api) {
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
    assertFalse(html.contains("Heat plan layers"), "no collection is a layer of a heat plan (yet)");
  }

  /** The ids of the collections the server publishes. */
  static Set<String> collectionIds(Api api) {
    Set<String> ids = new TreeSet<>();
    Json.elements(api.json("/collections").path("collections")).forEach(c -> ids.add(c.path("id").asText()));
    return ids;
  }
}
