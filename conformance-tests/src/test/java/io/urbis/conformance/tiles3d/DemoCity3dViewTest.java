package io.urbis.conformance.tiles3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.BrowserScript;
import io.urbis.conformance.support.FixtureGeoPackage;
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
 * The demo city on the first start, as a new user sees it: {@code urbis serve} without any argument or configuration
 * (the demo generated into a home of its own) shows the buildings in 3D on their collection page. Debian's headless
 * Chromium ({@code browser/render-3d.mjs}) loads every tile with CesiumJS without a failure, sees buildings drawn in at
 * least three colours of the legend of each theme it tries (heat demand per m², the page's first; construction year;
 * heat demand; energy carrier, named in German as the demo names it), and clicking a building leads to its feature.
 * The buildings layer of the demo's heat plan (issue 14) is coloured by the heat demand density of each building's
 * block. A copy of the demo whose carriers are spelt in other ways and languages is coloured by them alike. The
 * screenshots stay in {@code target/} ({@code demo-3d-<theme>.png}, {@code demo-heatplan-3d-heat-density.png},
 * {@code demo-carriers-3d-<theme>.png}).
 */
@ExtendWith(UrbisExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The demo city's 3D view in Chromium")
class DemoCity3dViewTest {

  private Path home;
  private UrbisServer demo;

  @BeforeAll
  void serveTheDemoCityWithoutConfiguration(Urbis urbis) {
    home = Urbis.demoHome();
    // the demo lives in ~/.urbis unless URBIS_HOME says otherwise, which the servers under test do not get
    demo = urbis.launch("demo", List.of("-Duser.home=" + home), List.of());
  }

  @AfterAll
  void stop() {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  @DisplayName("every tile loads, each theme shows three legend colours at least, a click leads to the feature")
  void theBuildingsAreColouredByTheirHeatDemandAndLinkToTheirFeatures() throws IOException, InterruptedException {
    Path prefix = Urbis.target("demo-3d");
    BrowserScript.Result result = BrowserScript.run("render-3d.mjs", List.of(
        demo.baseUri().resolve("collections/buildings?f=html").toString(), prefix.toString(), "year-built",
        "heat-demand", "energy-carrier"));
    assertEquals(0, result.exitValue(), "render-3d.mjs reports: " + result.output());
    assertTrue(result.output().contains("\"theme\":\"heat-demand-per-m2\""), result.output());
    for (String theme : List.of("heat-demand-per-m2", "year-built", "heat-demand", "energy-carrier")) {
      Path screenshot = Urbis.target("demo-3d-" + theme + ".png");
      assertTrue(Files.size(screenshot) > 10_000, "a screenshot with buildings in it: " + screenshot);
    }
  }

  @Test
  @DisplayName("the heat plan's buildings show their blocks' heat demand density in three legend colours at least")
  void theHeatPlansBuildingsAreColouredByTheirBlocksHeatDemandDensity() throws IOException, InterruptedException {
    BrowserScript.Result result = BrowserScript.run("render-3d.mjs", List.of(
        demo.baseUri().resolve("collections/heatplan-buildings?f=html").toString(),
        Urbis.target("demo-heatplan-3d").toString()));
    assertEquals(0, result.exitValue(), "render-3d.mjs reports: " + result.output());
    assertTrue(result.output().contains("\"theme\":\"heat-density\""), result.output());
    Path screenshot = Urbis.target("demo-heatplan-3d-heat-density.png");
    assertTrue(Files.size(screenshot) > 10_000, "a screenshot with buildings in it: " + screenshot);
  }

  @Test
  @DisplayName("energy carriers spelt in other ways and languages are coloured alike")
  void theBuildingsAreColouredByTheirEnergyCarrier(Urbis urbis) throws IOException, InterruptedException {
    Path carriers = Urbis.target("demo-carriers.gpkg");
    Files.deleteIfExists(carriers);
    FixtureGeoPackage.ogr2ogr(urbis.database(), List.of("-f", "GPKG", carriers.toString(),
        home.resolve(".urbis/urbis-demo.gpkg").toString(), "-nln", "buildings", "-dialect", "SQLite", "-sql",
        "SELECT fid, geom, height_m, storeys, year_built, heat_demand_kwh_a, CASE fid % 5 WHEN 0 THEN 'gas'"
            + " WHEN 1 THEN 'heating oil' WHEN 2 THEN 'District_Heating' WHEN 3 THEN 'Wärmepumpe' END"
            + " AS energy_carrier FROM buildings"));
    try (UrbisServer server = urbis.launch("demo-carriers", List.of(carriers.toString()))) {
      BrowserScript.Result result = BrowserScript.run("render-3d.mjs", List.of(
          server.baseUri().resolve("collections/buildings?f=html").toString(),
          Urbis.target("demo-carriers-3d").toString(), "energy-carrier"));
      assertEquals(0, result.exitValue(), "render-3d.mjs reports: " + result.output());
      assertTrue(result.output().contains("\"theme\":\"energy-carrier\",\"legend\":[\"gas #fd8d3c"),
          result.output());
    }
  }
}
