package io.urbis.conformance.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Source;
import io.urbis.conformance.support.Urbis;
import io.urbis.conformance.support.UrbisExtension;
import io.urbis.conformance.support.UrbisServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo city's landing page as a new user opens it: {@code urbis serve} without any argument or configuration
 * (the demo generated into a home of its own), which serves the demo's heat plan beside it (issue 14). Debian's
 * headless Chromium draws the map of every collection from the dataset's vector tiles, the heat plan's layers among
 * them in their colours, offline, under a strict Content-Security-Policy (see {@link RenderedMap}), and the page links each collection,
 * its features, its map and, where it has 3D tiles, its 3D view, the heat plan's layers under a heading of their own.
 * The heat plan's map alone (its blocks, sections and candidate areas) shows the blocks in their colour. The
 * screenshots stay in {@code target/landing-page-demo.png} and {@code target/heat-plan-demo.png}.
 */
@ExtendWith(UrbisExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The demo city's landing page in Chromium")
class DemoLandingPageTest {

  private static final Set<String> HEAT_PLAN_LAYERS =
      Set.of("heatplan-buildings", "heatplan-blocks", "heatplan-sections", "heatplan-areas");
  /** Pixels of a layer's colour it takes to show a town's worth of its features, not a few of them. */
  private static final int TOWN_PIXELS = 5_000;

  private UrbisServer demo;
  private Api api;

  @BeforeAll
  void serveTheDemoCityWithoutConfiguration(Urbis urbis) {
    Path home = Urbis.demoHome();
    // the demo lives in ~/.urbis unless URBIS_HOME says otherwise, which the servers under test do not get
    demo = urbis.launch("demo-landing-page", List.of("-Duser.home=" + home), List.of());
    api = new Api(demo.baseUri(), Source.GEOPACKAGE);
  }

  @AfterAll
  void stop() {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  @DisplayName("the map draws every collection, the heat plan's layers among them, every tile loads, the colours show")
  void theMapDrawsEveryCollection() throws IOException, InterruptedException {
    RenderedMap map = RenderedMap.of(api.uri("/?f=html"), Urbis.target("landing-page-demo.png"), true);
    assertEquals(MapPageTest.collectionIds(api), map.layerIds());
    assertTrue(map.layerIds().containsAll(List.of("districts", "streets", "buildings")), map.layerIds()::toString);
    assertTrue(map.layerIds().containsAll(HEAT_PLAN_LAYERS), map.layerIds()::toString);
    int heatPlanPixels = HEAT_PLAN_LAYERS.stream().mapToInt(map::pixels).sum();
    assertTrue(heatPlanPixels >= TOWN_PIXELS, "pixels of the heat plan layers' colours: " + heatPlanPixels);
  }

  @Test
  @DisplayName("the heat plan's map draws its blocks, sections and candidate areas, the blocks' colour over the town")
  void theHeatPlansMapDrawsItsBlocks() throws IOException, InterruptedException {
    RenderedMap map = RenderedMap.of(
        api.uri("/tiles/WebMercatorQuad?f=html&collections=heatplan-blocks,heatplan-sections,heatplan-areas"),
        Urbis.target("heat-plan-demo.png"), true);
    assertEquals(Set.of("heatplan-blocks", "heatplan-sections", "heatplan-areas"), map.layerIds());
    assertTrue(map.pixels("heatplan-blocks") >= TOWN_PIXELS, "pixels of the blocks' colour: "
        + map.pixels("heatplan-blocks"));
  }

  @Test
  @DisplayName("each collection is linked with its features, its map and, with 3D tiles, its 3D view")
  void everyCollectionIsLinked() {
    MapPageTest.assertLandingPageLinksEveryCollection(api, HEAT_PLAN_LAYERS);
  }
}
