package io.urbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.urbis.access.AccessPolicy;
import io.urbis.api.ApiSettings;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.config.AccessConfig;
import io.urbis.config.AccessConfig.Rule;
import io.urbis.demo.DemoCity;
import io.urbis.server.UrbisServer;
import io.urbis.source.FeatureSource;
import io.urbis.source.SourceSettings;
import io.urbis.source.geopackage.GeoPackageFeatureSource;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo town's buildings served from a GeoPackage to the public without their heat demand and only where it is
 * below 60 MWh a year and the building is not industrial, and whole to planners: items, one item, numberMatched and
 * vector tiles show the public nothing else, and naming the hidden property is answered as naming none there is.
 */
class GeoPackageAccessViewServedTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String HIDDEN = "heat_demand_kwh_a";
  private static final String ROW_FILTER = HIDDEN + " < 60000 AND \"function\" <> 'industrial'";
  private static final String[] PLANNER = {"X-API-Key", InProcessServer.PLANNER_KEY};
  private static final String[] ANONYMOUS = {};

  @TempDir static Path folder;
  private static Path file;
  private static FeatureSource source;
  private static UrbisServer server;

  @BeforeAll
  static void serveTheTownUnderRules() throws Exception {
    file = DemoCity.ensure(folder.resolve("demo.gpkg"));
    source = new GeoPackageFeatureSource(file, SourceSettings.DEFAULTS);
    AccessConfig rules = new AccessConfig(null, Map.of("buildings", Map.of(
        "public", new Rule("read", List.of(HIDDEN), ROW_FILTER),
        "planner", Rule.of("read"))));
    AccessPolicy access = AccessPolicy.of(rules, new CatalogBuilder().add("demo", source).build());
    server = InProcessServer.start(new ApiSettings("Demo", "", 10, 1000), TileSettings.DEFAULTS,
        new Tiles3dService(Tiles3dSettings.DEFAULTS), access, List.of(source));
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    source.close();
  }

  @Test
  void thePublicPagesThroughTheVisibleRowsOnlyAndIsToldTheirNumber() throws Exception {
    List<Long> visible = ids("SELECT fid FROM buildings WHERE " + ROW_FILTER + " ORDER BY fid");
    List<Long> paged = new ArrayList<>();
    String next = "/collections/buildings/items?limit=500";
    while (next != null) {
      HttpResponse<byte[]> page = get(next, ANONYMOUS);
      assertEquals(200, page.statusCode(), text(page));
      assertFalse(text(page).contains(HIDDEN), "the hidden property is in no page");
      JsonNode body = JSON.readTree(page.body());
      assertEquals(visible.size(), body.path("numberMatched").asLong());
      body.path("features").forEach(feature -> paged.add(feature.path("id").asLong()));
      next = link(body, "next");
    }
    assertEquals(visible, paged);

    JsonNode planners = JSON.readTree(get("/collections/buildings/items?limit=1", PLANNER).body());
    assertEquals(ids("SELECT fid FROM buildings").size(), planners.path("numberMatched").asLong());
    assertTrue(planners.path("features").path(0).path("properties").has(HIDDEN));
    assertEquals(visible.size(), JSON.readTree(get("/collections/buildings/items?limit=1", ANONYMOUS).body())
        .path("numberMatched").asLong(), "the planners' count is not the public's");
  }

  @Test
  void aBuildingOutsideTheRowFilterIsNotFoundLikeOneThatDoesNotExist() throws Exception {
    long outside = ids("SELECT fid FROM buildings WHERE NOT (" + ROW_FILTER + ")").get(0);
    long inside = ids("SELECT fid FROM buildings WHERE " + ROW_FILTER).get(0);
    long none = ids("SELECT max(fid) + 1 FROM buildings").get(0);
    HttpResponse<byte[]> hidden = get("/collections/buildings/items/" + outside, ANONYMOUS);
    HttpResponse<byte[]> missing = get("/collections/buildings/items/" + none, ANONYMOUS);
    assertEquals(404, hidden.statusCode());
    assertEquals(exception(missing).replace(String.valueOf(none), "{id}"),
        exception(hidden).replace(String.valueOf(outside), "{id}"));
    assertEquals(200, get("/collections/buildings/items/" + outside, PLANNER).statusCode());

    HttpResponse<byte[]> shown = get("/collections/buildings/items/" + inside, ANONYMOUS);
    assertEquals(200, shown.statusCode());
    assertFalse(text(shown).contains(HIDDEN));
  }

  @Test
  void aVectorTileHoldsNoHiddenRowOrProperty() throws Exception {
    JsonNode industrial = JSON.readTree(get("/collections/buildings/items?function=industrial&limit=1", PLANNER)
        .body()).path("features").path(0).path("geometry").path("coordinates").path(0).path(0);
    TileAddress address = PointTiles.tileAt(TileMatrixSets.WEB_MERCATOR_QUAD, "15", industrial.path(0).asDouble(),
        industrial.path(1).asDouble());
    String path = "/collections/buildings/tiles/WebMercatorQuad/15/" + address.row() + "/" + address.col();
    String planners = tileBytes(get(path, PLANNER));
    assertTrue(planners.contains(HIDDEN) && planners.contains("industrial"), "the tile shows both to planners");
    String publics = tileBytes(get(path, ANONYMOUS));
    assertFalse(publics.contains(HIDDEN));
    assertFalse(publics.contains("industrial"), "no building outside the row filter is in the tile");
  }

  @Test
  void namingTheHiddenPropertyIsAnsweredAsNamingAnUnknownOne() throws Exception {
    String unknown = "no_such_property";
    for (String query : List.of("sortby=%s", "filter=%s%%20%%3E%%200", "properties=%s", "%s=1")) {
      String items = "/collections/buildings/items?" + query;
      HttpResponse<byte[]> hidden = get(items.formatted(HIDDEN), ANONYMOUS);
      HttpResponse<byte[]> none = get(items.formatted(unknown), ANONYMOUS);
      assertEquals(400, hidden.statusCode(), query);
      assertEquals(exception(none), exception(hidden).replace(HIDDEN, unknown), query);
      assertEquals(200, get(items.formatted(HIDDEN), PLANNER).statusCode(), query);
    }
  }

  private static String link(JsonNode body, String relation) {
    for (JsonNode link : body.path("links")) {
      if (link.path("rel").asText().equals(relation)) {
        URI uri = URI.create(link.path("href").asText());
        return uri.getRawPath() + "?" + uri.getRawQuery();
      }
    }
    return null;
  }

  private static List<Long> ids(String sql) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }

  /** An OGC exception without the request id, which every response has its own of. */
  private static String exception(HttpResponse<byte[]> response) throws Exception {
    ObjectNode exception = (ObjectNode) JSON.readTree(response.body());
    assertTrue(exception.has("code") && exception.has("description"), text(response));
    exception.remove("requestId");
    return exception.toString();
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** A tile's bytes as characters, one each, in which the names and strings it holds can be looked for. */
  private static String tileBytes(HttpResponse<byte[]> response) {
    assertEquals(200, response.statusCode());
    return new String(response.body(), StandardCharsets.ISO_8859_1);
  }

  private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
