package io.urbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.access.AccessPolicy;
import io.urbis.api.ApiSettings;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.config.AccessConfig;
import io.urbis.crs.Crs;
import io.urbis.server.UrbisServer;
import io.urbis.source.SourceSettings;
import io.urbis.source.postgis.PostgisFeatureSource;
import io.urbis.source.postgis.PostgisTestDatabase;
import io.urbis.tiles.PointTiles;
import io.urbis.tiles.TileAddress;
import io.urbis.tiles.TileMatrixSets;
import io.urbis.tiles.TileSettings;
import io.urbis.tiles3d.Tiles3dService;
import io.urbis.tiles3d.Tiles3dSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a collection's extent tells, served under a row filter: the public sees only municipal buildings, and the
 * collection's extent in space and time, its CRS list and its tile set's limits are those of those buildings, never of
 * the private estate far away that widens the table's (planners, who see every row, get the table's). The rows the
 * public sees are also published alone, as {@code municipal_buildings}, whose whole extent is the truth.
 */
class NarrowedExtentServedTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GAUSS_KRUEGER_3 = Crs.epsg(31467).uri();

  private static PostgisTestDatabase database;
  private static PostgisFeatureSource source;
  private static UrbisServer server;

  @BeforeAll
  static void serve() throws Exception {
    database = new PostgisTestDatabase("/io/urbis/source/postgis/narrowed-extent.sql");
    source = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of("public"));
    Catalog catalog = new CatalogBuilder().add("city", source).build();
    AccessPolicy access = AccessPolicy.of(new AccessConfig(null, Map.of("buildings", Map.of(
        "public", new AccessConfig.Rule("read", null, "owner_type = 'municipal'"),
        "planner", AccessConfig.Rule.of("read")))), catalog);
    server = InProcessServer.start(new ApiSettings("City", "", 10, 100), TileSettings.DEFAULTS,
        new Tiles3dService(Tiles3dSettings.DEFAULTS), access, List.of(source));
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    source.close();
    database.close();
  }

  @Test
  void theCollectionsExtentIsThatOfTheVisibleRowsForThePublicAndTheTablesForPlanners() throws Exception {
    JsonNode visibleRows = document("/collections/municipal_buildings", null).path("extent");
    JsonNode publicExtent = document("/collections/buildings", null).path("extent");
    JsonNode plannersExtent = document("/collections/buildings", InProcessServer.PLANNER_KEY).path("extent");
    assertEquals(visibleRows, publicExtent);
    assertTrue(publicExtent.path("spatial").path("bbox").path(0).path(1).asDouble() > 51.9, publicExtent.toString());
    assertTrue(plannersExtent.path("spatial").path("bbox").path(0).path(1).asDouble() < 48, "the estate's latitude");
    assertTrue(plannersExtent.path("temporal").path("interval").path(0).path(0).asText().startsWith("1850"));
    assertFalse(publicExtent.toString().contains("1850"), publicExtent.toString());

    JsonNode listed = document("/collections", null).path("collections");
    for (JsonNode collection : listed) {
      if (collection.path("id").asText().equals("buildings")) {
        assertEquals(publicExtent, collection.path("extent"), "the list tells what the collection does");
      }
    }
  }

  @Test
  void theCrsListIsOfTheCrssTheVisibleRowsCanBeWrittenIn() throws Exception {
    List<String> publicCrs = crs(document("/collections/buildings", null));
    List<String> plannersCrs = crs(document("/collections/buildings", InProcessServer.PLANNER_KEY));
    assertEquals(crs(document("/collections/municipal_buildings", null)), publicCrs);
    assertTrue(publicCrs.contains(GAUSS_KRUEGER_3), publicCrs.toString());
    assertFalse(plannersCrs.contains(GAUSS_KRUEGER_3), "the estate lies east of zone 3's area: " + plannersCrs);
    String inZone3 = "/collections/buildings/items?limit=1&crs=" + GAUSS_KRUEGER_3;
    assertEquals(200, get(inZone3, null).statusCode());
    assertEquals(400, get(inZone3, InProcessServer.PLANNER_KEY).statusCode());
  }

  @Test
  void aTileOutsideTheVisibleRowsLimitsIsNotFoundForThePublicAndEmptyForPlanners() throws Exception {
    String limits = "/collections/buildings/tiles/WebMercatorQuad";
    assertNotEquals(document(limits, null).path("tileMatrixSetLimits"),
        document(limits, InProcessServer.PLANNER_KEY).path("tileMatrixSetLimits"));

    // between the town and the estate: inside the table's extent, far from every building the public sees
    String between = path(PointTiles.tileAt(TileMatrixSets.WEB_MERCATOR_QUAD, "10", 12, 50));
    HttpResponse<String> missing = get(between, null);
    assertEquals(404, missing.statusCode(), missing.body());
    assertTrue(missing.body().contains("outside the tile set's limits"), missing.body());
    assertEquals(204, get(between, InProcessServer.PLANNER_KEY).statusCode(), "within the table's limits, empty");

    String town = path(PointTiles.tileAt(TileMatrixSets.WEB_MERCATOR_QUAD, "10", 8.1, 51.99));
    assertEquals(200, get(town, null).statusCode());
    assertEquals(200, get(town, InProcessServer.PLANNER_KEY).statusCode());
  }

  private static String path(TileAddress tile) {
    return "/collections/buildings/tiles/WebMercatorQuad/" + tile.tileMatrix().id() + "/" + tile.row() + "/"
        + tile.col();
  }

  private static List<String> crs(JsonNode collection) {
    return JSON.convertValue(collection.path("crs"), JSON.getTypeFactory().constructCollectionType(List.class,
        String.class));
  }

  private static JsonNode document(String path, String apiKey) throws Exception {
    HttpResponse<String> response = get(path + "?f=json", apiKey);
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> get(String path, String apiKey) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
