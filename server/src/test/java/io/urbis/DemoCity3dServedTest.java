package io.urbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.api.ApiSettings;
import io.urbis.catalog.Collection;
import io.urbis.config.ConfigReader;
import io.urbis.config.UrbisConfig;
import io.urbis.demo.DemoCity;
import io.urbis.server.UrbisServer;
import io.urbis.source.ModelBounds;
import io.urbis.source.geopackage.GeoPackageGeometryReader;
import io.urbis.testdata.NodeChecks;
import io.urbis.testdata.TilesValidator;
import io.urbis.tiles3d.GridMeasure;
import io.urbis.tiles3d.ServedTileset;
import io.urbis.tiles3d.TilesetWalk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo city as a new user first sees it: served from its GeoPackage with no tiles3d configuration, its buildings
 * (2D footprints with height_m) have 3D tiles holding every building once, each tile valid for the metadata rules,
 * the glTF validator, loaders.gl and, where it is installed, the CesiumGS 3D Tiles validator, and carrying what the
 * 3D view colours by; the collection pages lead to the 3D view, which only the buildings have. From afar the view
 * shows the town evenly, not the quadtree's grid, and it draws buildings from the distance of the town, a district and
 * a street.
 */
class DemoCity3dServedTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path folder;
  private static Path demo;
  private static UrbisConfig config;
  private static Publication publication;
  private static UrbisServer server;

  @BeforeAll
  static void serveTheDemoConfiguredByNothingButItsFile() throws Exception {
    demo = DemoCity.ensure(folder.resolve("urbis-demo.gpkg"));
    Path file = folder.resolve("urbis.yaml");
    Files.writeString(file, "sources: ['" + demo + "']\n");
    config = ConfigReader.read(file).orElse(UrbisConfig.DEFAULTS).validated();
    publication = Publication.open(config);
    server = InProcessServer.start(new ApiSettings("Demo city", "Synthetic", 10, 100), publication.tiles(),
        publication.tiles3d(), publication.catalog(), publication.sources());
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    publication.close();
  }

  @Test
  void onlyTheBuildingsHave3dTilesAndTheCollectionPagesLeadToTheir3dView() throws Exception {
    for (JsonNode collection : JSON.readTree(get("/collections?f=json")).get("collections")) {
      boolean tileset = collection.get("links").findValuesAsText("rel")
          .contains("http://www.opengis.net/def/rel/ogc/1.0/3d-geovolumes");
      assertEquals(collection.get("id").asText().equals("buildings"), tileset, collection.get("id").asText());
    }
    String collections = get("/collections?f=html");
    assertTrue(collections.contains("/collections/buildings?f=html#view3d\">3D view</a>"), collections);
    assertEquals(1, collections.split(">3D view<", -1).length - 1, "the buildings alone have a 3D view");
    String buildings = get("/collections/buildings?f=html");
    for (String element : List.of("id=\"view3d\"", "id=\"viewer3d\"", "id=\"viewer3d-theme\"",
        "id=\"viewer3d-legend\"", "id=\"viewer3d-attributes\"", "/assets/urbis/viewer3d.js")) {
      assertTrue(buildings.contains(element), element);
    }
    assertFalse(get("/collections/districts?f=html").contains("id=\"viewer3d\""));
  }

  @Test
  void everyBuildingIsInOneTileWithItsFootprintAreaAndEveryTileKeepsTheMetadataRules() throws Exception {
    TilesetWalk walk = walk(null);
    walk.assertEveryTileKeepsTheMetadataRules();
    Map<String, Double> areas = planarAreas();
    assertTrue(areas.size() > 3000, "the demo's buildings: " + areas.size());
    assertEquals(areas.keySet(), new HashSet<>(walk.featureIds));
    assertEquals(areas.size(), walk.featureIds.size(), "each building once");
    // UTM shrinks the demo town (60 km west of zone 32's meridian) by 0.9996 * 1.00004 in each direction
    Map<String, String> wrong = new TreeMap<>();
    areas.forEach((id, utm) -> {
      double ratio = walk.footprintAreas.get(id) / utm;
      if (Math.abs(ratio - 1 / (0.99964 * 0.99964)) > 2e-4) {
        wrong.put(id, walk.footprintAreas.get(id) + " m² for " + utm + " m² in UTM");
      }
    });
    assertTrue(wrong.isEmpty(), wrong.size() + " footprint areas are off: " + wrong);
    JsonNode schema = JSON.readTree(get("/collections/buildings/3dtiles/schema.json"));
    List<String> names = new ArrayList<>();
    schema.at("/classes/buildings/properties").forEach(property -> names.add(property.get("name").asText()));
    assertTrue(names.containsAll(List.of("heat_demand_kwh_a", "storeys", "year_built", "footprint_area_m2")),
        "what the 3D view colours by: " + names);
  }

  /**
   * Issue 13's measure of a grid, on the demo as a new user first sees it: of the buildings on the two coarsest levels,
   * hardly more cross an edge of the level below than the share of all the demo's buildings crossing those edges lets
   * expect, so its overview draws no lines along the quadtree's edges.
   */
  @Test
  void theDemoSeenFromAfarFollowsNoTileEdges() {
    Collection buildings = publication.catalog().find("buildings").orElseThrow();
    List<ModelBounds> bounds = buildings.source().models().orElseThrow().bounds(buildings,
        Tiles3dSetup.settings(config.tiles3d(), publication.catalog(), null).extrusion(buildings));
    GridMeasure coarse = GridMeasure.ofTwoCoarsestLevels(publication.tiles3d().index(buildings), bounds);
    System.out.println("demo, two coarsest levels: " + coarse);
    assertTrue(coarse.buildings() > 300, "the overview shows hundreds of buildings: " + coarse);
    assertTrue(coarse.crossAtMost(1.5), coarse.toString());
  }

  /**
   * Screenshots kept under {@code target/tiles3d-demo-views/}: the demo's buildings in the 3D view from the distance
   * of the whole town, a district and a street (at the town's middle), for people to look at; the test asks that no
   * tile failed and every view drew buildings.
   */
  @Test
  void theDemoShowsFromTheDistanceOfTheCityADistrictAndAStreet() throws Exception {
    NodeChecks.assumeCesiumInChromium();
    Path views = Path.of("target", "tiles3d-demo-views").toAbsolutePath();
    NodeChecks.Result result = NodeChecks.run("cesium-views.mjs", url("/collections/buildings?f=html"),
        views.toString());
    assertTrue(result.passed(), result.output());
    for (String view : List.of("city", "district", "street")) {
      assertTrue(Files.size(views.resolve(view + ".png")) > 10_000, view + ": a screenshot with something in it");
    }
  }

  @Test
  void theGltfValidatorAndLoadersGlAcceptEveryTile() {
    NodeChecks.assumeNode();
    NodeChecks.Result result = NodeChecks.run("validate.mjs", url("/collections/buildings/3dtiles"));
    assertTrue(result.passed(), result.output());
  }

  @Test
  void theCesiumValidatorFindsNeitherErrorsNorWarnings() throws Exception {
    NodeChecks.assumeNode();
    Optional<Path> validator = TilesValidator.find();
    assumeTrue(validator.isPresent(), "the CesiumGS 3D Tiles validator is not built in tools/3d-tiles-validator"
        + " beside the repository (or -Durbis.tilesValidator)");
    Path mirror = folder.resolve("mirror");
    walk(mirror);
    TilesValidator.Report report = TilesValidator.validate(validator.get(), mirror.resolve("3dtiles.json"));
    assertEquals(0, report.errors(), report.report());
    assertEquals(0, report.warnings(), report.report());
  }

  private static TilesetWalk walk(Path mirror) throws Exception {
    Collection buildings = publication.catalog().find("buildings").orElseThrow();
    return ServedTileset.walk(URI.create(url("/collections/buildings/3dtiles")),
        publication.tiles3d().index(buildings).scheme(), mirror);
  }

  /** Each building's footprint area in the file's CRS (UTM 32N), by id, of those with a height. */
  private static Map<String, Double> planarAreas() throws Exception {
    Map<String, Double> areas = new HashMap<>();
    GeoPackageGeometryReader reader = new GeoPackageGeometryReader();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + demo);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT fid, geom FROM buildings WHERE height_m > 0")) {
      while (rows.next()) {
        areas.put(rows.getString(1), reader.read(rows.getBytes(2)).getArea());
      }
    }
    return areas;
  }

  private static String get(String path) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), path);
    return response.body();
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }
}
