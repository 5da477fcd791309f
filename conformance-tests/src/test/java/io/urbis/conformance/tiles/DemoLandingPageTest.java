package io.urbis.conformance.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Source;
import io.urbis.conformance.support.Urbis;
import io.urbis.conformance.support.UrbisExtension;
import io.urbis.conformance.support.UrbisServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo city's landing page as a new user opens it: {@code urbis serve} without any argument or configuration
 * (the demo generated into a home of its own). Debian's headless Chromium draws the map of every collection from
 * the dataset's vector tiles, offline, under a strict Content-Security-Policy (see {@link RenderedMap}), and the page
 * links each collection, its features, its map and, where it has 3D tiles, its 3D view. The screenshot stays in
 * {@code target/landing-page-demo.png}.
 */
@ExtendWith(UrbisExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The demo city's landing page in Chromium")
class DemoLandingPageTest {

  private UrbisServer demo;
  private Api api;

  @BeforeAll
  void serveTheDemoCityWithoutConfiguration(Urbis urbis) throws IOException {
    Path home = Urbis.target("demo-home");
    Files.createDirectories(home);
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
  @DisplayName("the map draws every collection, every tile loads, the colours of the layers show")
  void theMapDrawsEveryCollection() throws IOException, InterruptedException {
    RenderedMap map = RenderedMap.of(api.uri("/?f=html"), Urbis.target("landing-page-demo.png"), true);
    assertEquals(MapPageTest.collectionIds(api), map.layerIds());
    assertTrue(map.layerIds().containsAll(List.of("districts", "streets", "buildings")), map.layerIds()::toString);
  }

  @Test
  @DisplayName("each collection is linked with its features, its map and, with 3D tiles, its 3D view")
  void everyCollectionIsLinked() {
    MapPageTest.assertLandingPageLinksEveryCollection(api);
  }
}
