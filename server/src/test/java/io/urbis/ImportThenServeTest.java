package io.urbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.api.ApiSettings;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.catalog.Collection;
import io.urbis.server.UrbisServer;
import io.urbis.source.FeatureSource;
import io.urbis.source.ModelBounds;
import io.urbis.source.SourceSettings;
import io.urbis.source.postgis.DatabaseUrl;
import io.urbis.source.postgis.PostgisTestDatabase;
import io.urbis.testdata.NodeChecks;
import io.urbis.testdata.SharedData;
import io.urbis.tiles3d.ServedTileset;
import io.urbis.tiles3d.GridMeasure;
import io.urbis.tiles3d.SurfaceAreas;
import io.urbis.tiles3d.Tiles3dService;
import io.urbis.tiles3d.Tiles3dSettings;
import io.urbis.tiles3d.TilesetWalk;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.io.WKBReader;

/**
 * What {@code urbis import} writes, {@code urbis serve} publishes: a collection whose features keep their heights,
 * and 3D tiles of them.
 */
class ImportThenServeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * How far a surface's area seen from above in the tiles may be from its area in the table: a tile's grid moves
   * each edge by less than a step (1/64 m), and the projection's scale makes the table's square metres about 0.01 % short here.
   */
  private static final double GRID_STEP = 1.0 / 64;
  private static final double RELATIVE_AREA_TOLERANCE = 0.001;

  @Test
  void anImportedTableIsACollectionWithThreeDimensionalFeatures(@TempDir Path folder) throws Exception {
    Path file = Files.writeString(folder.resolve("block.city.json"), """
        {"type":"CityJSON","version":"2.0","transform":{"scale":[0.01,0.01,0.01],"translate":[333000,5722000,20]},
         "metadata":{"referenceSystem":"https://www.opengis.net/def/crs/EPSG/0/25832"},
         "CityObjects":{"house-1":{"type":"Building","attributes":{"function":"31001_1000","measuredHeight":6.5},
           "geometry":[{"type":"MultiSurface","lod":"2","boundaries":[[[0,1,2,3]],[[4,5,6,7]]],
             "semantics":{"surfaces":[{"type":"GroundSurface"},{"type":"RoofSurface"}],"values":[0,1]}}]}},
         "vertices":[[0,0,0],[0,1000,0],[1000,1000,0],[1000,0,0],[0,0,650],[1000,0,650],[1000,1000,650],[0,1000,650]]}
        """);
    try (PostgisTestDatabase database = new PostgisTestDatabase("postgis-only.sql")) {
      String location = location(database.url());
      importInto(location, file.toString());

      FeatureSource source = Sources.open(location, SourceSettings.DEFAULTS, List.of());
      CatalogBuilder catalog = new CatalogBuilder();
      catalog.add(Sources.shortName(location), source);
      UrbisServer server = InProcessServer.start(new ApiSettings("Imported", "urbis import", 10, 100),
          catalog.build(), List.of(source));
      try {
        JsonNode items = get(server, "/collections/buildings/items?f=json");
        JsonNode feature = items.path("features").get(0);
        assertEquals("house-1", feature.path("id").asText());
        assertEquals("MultiPolygon", feature.at("/geometry/type").asText());
        JsonNode corner = feature.at("/geometry/coordinates/1/0/0");
        assertEquals(3, corner.size(), corner.toString());
        assertEquals(26.5, corner.get(2).asDouble(), 1e-9, "roof height in the output CRS");
        assertEquals(6.5, feature.at("/properties/measured_height").asDouble());
        assertTrue(get(server, "/collections/buildings").toString().contains("buildings"));
      } finally {
        server.stop();
        source.close();
      }
    }
  }

  /** The issue's check: the real LoD2 city model, imported, serves 3D tiles the glTF validator and loaders.gl accept. */
  @Test
  void theWeselLod2CityModelImportedBecomesTilesEveryClientAccepts() throws Exception {
    NodeChecks.assumeNode();
    serveWesel((server, tiles, wesel, database) -> {
      NodeChecks.Result result = NodeChecks.run("validate.mjs",
          "http://127.0.0.1:" + server.port() + "/collections/wesel/3dtiles");
      assertTrue(result.passed(), result.output());
      assertTrue(result.output().contains("\"features\":6631"), result.output());
    });
  }

  /**
   * Every tile of the served Wesel LoD2 tileset, fetched as a client does, keeps every rule of EXT_structural_metadata
   * and EXT_mesh_features, and together they hold every building once.
   */
  @Test
  void everyServedWeselLod2TileKeepsTheMetadataRules() throws Exception {
    serveWesel((server, tiles, wesel, database) -> {
      TilesetWalk walk = walkServed(server, tiles, wesel);
      walk.assertEveryTileKeepsTheMetadataRules();
      assertEquals(6631, new HashSet<>(walk.featureIds).size());
      assertEquals(6631, walk.featureIds.size());
    });
  }

  /**
   * Issue 13's measure of a grid, on the real city model as imported: of the buildings on the two coarsest levels,
   * hardly more cross an edge of the level below than the share of all buildings crossing those edges lets expect, so
   * the overview draws no lines along the quadtree's edges.
   */
  @Test
  void theImportedWeselLod2SeenFromAfarFollowsNoTileEdges() throws Exception {
    serveWesel((server, tiles, wesel, database) -> {
      List<ModelBounds> buildings = wesel.source().models().orElseThrow().bounds(wesel, null);
      GridMeasure coarse = GridMeasure.ofTwoCoarsestLevels(tiles.index(wesel), buildings);
      System.out.println("Wesel LoD2, two coarsest levels: " + coarse);
      assertTrue(coarse.buildings() > 300, "the overview shows hundreds of buildings: " + coarse);
      assertTrue(coarse.crossAtMost(1.5), coarse.toString());
    });
  }

  /**
   * Screenshots kept under {@code target/tiles3d-wesel-views/}: the imported Wesel city model in the 3D view from the
   * distance of the whole city, a district and a street, for people to look at; the test asks that no tile failed
   * and every view drew buildings.
   */
  @Test
  void theImportedWeselLod2ShowsFromTheDistanceOfTheCityADistrictAndAStreet() throws Exception {
    NodeChecks.assumeCesiumInChromium();
    Path folder = Path.of("target", "tiles3d-wesel-views").toAbsolutePath();
    serveWesel((server, tiles, wesel, database) -> {
      // in one of the densest square kilometres of the data (UTM 32N: 336 to 337 km east, 5,723 to 5,724 km north)
      NodeChecks.Result result = NodeChecks.run("cesium-views.mjs",
          "http://127.0.0.1:" + server.port() + "/collections/" + wesel.id() + "?f=html", folder.toString(),
          "6.6372", "51.6387");
      assertTrue(result.passed(), result.output());
      for (String view : List.of("city", "district", "street")) {
        assertTrue(Files.size(folder.resolve(view + ".png")) > 10_000, view + ": a screenshot with something in it");
      }
    });
  }

  /**
   * Every roof and ground surface of every Wesel LoD2 building is in the served tiles: seen from above, each
   * building's roof and ground triangles cover the area of its roof and ground polygons in the table (kinds by
   * orientation, as the tiles give them), within what the tiles' position grid and the projection's scale change.
   */
  @Test
  void everyWeselLod2RoofAndGroundIsInTheTilesWithItsArea() throws Exception {
    serveWesel((server, tiles, wesel, database) -> {
      Map<String, Map<String, Double>> inTiles = walkServed(server, tiles, wesel).areasSeenFromAbove;
      List<String> missing = new ArrayList<>();
      WKBReader wkb = new WKBReader();
      try (Connection connection = database.connect(); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT id, ST_AsBinary(geom) FROM wesel")) {
        while (rows.next()) {
          Map<String, SurfaceAreas.Measure> inTable = SurfaceAreas.seenFromAbove(wkb.read(rows.getBytes(2)));
          Map<String, Double> tiled = inTiles.getOrDefault(rows.getString(1), Map.of());
          for (String surface : List.of("roof", "ground")) {
            SurfaceAreas.Measure expected = inTable.getOrDefault(surface, new SurfaceAreas.Measure(0, 0));
            double actual = tiled.getOrDefault(surface, 0.0);
            if (Math.abs(actual - expected.area()) > RELATIVE_AREA_TOLERANCE * expected.area()
                + GRID_STEP * expected.ringLength()) {
              missing.add(String.format(Locale.ROOT, "%s %s: %.2f m² in the table, %.2f m² in the tiles",
                  rows.getString(1), surface, expected.area(), actual));
            }
          }
        }
      }
      assertTrue(missing.isEmpty(), missing.size() + " surfaces differ:\n" + String.join("\n", missing));
    });
  }

  /** Walks the served tileset of the collection as a client does, over HTTP. */
  private static TilesetWalk walkServed(UrbisServer server, Tiles3dService tiles, Collection wesel) throws Exception {
    return ServedTileset.walk(URI.create("http://127.0.0.1:" + server.port() + "/collections/" + wesel.id()
        + "/3dtiles"), tiles.index(wesel).scheme());
  }

  /** What a test checks on the Wesel city model served: its server, 3D tiles, collection and database. */
  private interface WeselCheck {
    void check(UrbisServer server, Tiles3dService tiles, Collection wesel, PostgisTestDatabase database)
        throws Exception;
  }

  /** Imports the shared Wesel LoD2 city model (skipped without it) into a new database and serves it for a check. */
  private static void serveWesel(WeselCheck check) throws Exception {
    Optional<Path> wesel = SharedData.file("nrw_wesel_lod2/wesel_lod2.city.json");
    assumeTrue(wesel.isPresent(), "the shared Wesel data is absent");
    try (PostgisTestDatabase database = new PostgisTestDatabase("postgis-only.sql")) {
      String location = location(database.url());
      importInto(location, wesel.get().toString(), "--table", "wesel");
      try (FeatureSource source = Sources.open(location, SourceSettings.DEFAULTS, List.of())) {
        CatalogBuilder catalog = new CatalogBuilder();
        catalog.add(Sources.shortName(location), source);
        Catalog built = catalog.build();
        Tiles3dService tiles = new Tiles3dService(Tiles3dSettings.DEFAULTS);
        UrbisServer server = InProcessServer.start(new ApiSettings("Wesel", "LoD2", 10, 100), tiles, built,
            List.of(source));
        try {
          check.check(server, tiles, built.find("wesel").orElseThrow(), database);
        } finally {
          server.stop();
        }
      }
    }
  }

  /** Runs {@code urbis import FILE [OPTIONS] --to LOCATION}, which must succeed. */
  private static void importInto(String location, String file, String... options) {
    List<String> args = new ArrayList<>(List.of("import", file));
    args.addAll(List.of(options));
    args.addAll(List.of("--to", location));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = new Urbis(new PrintStream(new ByteArrayOutputStream(), true),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args.toArray(String[]::new));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
  }

  private static String location(DatabaseUrl url) {
    return "postgresql://" + url.user() + ":" + url.password() + "@"
        + url.jdbcUrl().substring("jdbc:postgresql://".length());
  }

  private static JsonNode get(UrbisServer server, String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }
}
