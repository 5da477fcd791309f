package io.urbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.urbis.access.AccessPolicy;
import io.urbis.api.ApiSettings;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.catalog.SpatialExtent;
import io.urbis.config.AccessConfig;
import io.urbis.server.UrbisServer;
import io.urbis.source.SourceSettings;
import io.urbis.source.postgis.PostgisFeatureSource;
import io.urbis.source.postgis.PostgisTestDatabase;
import io.urbis.testdata.MvtLayers;
import io.urbis.testdata.WebMercatorTiles;
import io.urbis.tiles.TileSettings;
import io.urbis.tiles3d.Tiles3dService;
import io.urbis.tiles3d.Tiles3dSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A PostGIS collection served under access rules: anonymous callers (role {@code public}) see the municipal buildings
 * of low heat demand, without heat demand and year of construction; planners see everything. What is hidden shows in
 * no items page, feature, numberMatched or vector tile, and naming a hidden property is answered as naming one that
 * does not exist.
 */
class HiddenRowsAndPropertiesServedTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROWS = "owner_type = 'municipal' AND heat_demand < 1300";
  private static final Set<String> VISIBLE = Set.of("name", "owner_type", "height");
  /** Text in every hidden row or hidden column: names of private buildings, the hidden properties' names. */
  private static final List<String> HIDDEN_TEXT = List.of("private", "heat_demand", "built");

  private static PostgisTestDatabase database;
  private static PostgisFeatureSource source;
  private static UrbisServer server;
  private static List<Long> visibleIds;
  private static SpatialExtent extent;

  @BeforeAll
  static void serve() throws Exception {
    database = new PostgisTestDatabase("/io/urbis/source/postgis/access.sql");
    source = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of("public"));
    Catalog catalog = new CatalogBuilder().add("city", source).build();
    extent = catalog.find("buildings").orElseThrow().spatialExtent();
    AccessPolicy access = AccessPolicy.of(new AccessConfig(null, Map.of("buildings", Map.of(
        "public", new AccessConfig.Rule("read", List.of("heat_demand", "built"), ROWS),
        "planner", AccessConfig.Rule.of("read")))), catalog);
    server = InProcessServer.start(new ApiSettings("City", "", 10, 100), TileSettings.DEFAULTS,
        new Tiles3dService(Tiles3dSettings.DEFAULTS), access, List.of(source));
    visibleIds = new ArrayList<>();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id FROM buildings WHERE " + ROWS + " ORDER BY id")) {
      while (rows.next()) {
        visibleIds.add(rows.getLong(1));
      }
    }
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    source.close();
    database.close();
  }

  @Test
  void itemsPagesHoldTheVisibleRowsAndPropertiesAndCountThem() throws Exception {
    List<Long> ids = new ArrayList<>();
    String next = "/collections/buildings/items?limit=10";
    while (next != null) {
      HttpResponse<String> response = get(next);
      assertEquals(200, response.statusCode(), response.body());
      assertHidesEverything(response.body(), next);
      JsonNode page = JSON.readTree(response.body());
      assertEquals(visibleIds.size(), page.path("numberMatched").asInt(), next);
      for (JsonNode feature : page.path("features")) {
        ids.add(feature.path("id").asLong());
        assertEquals(VISIBLE, fieldNames(feature.path("properties")));
      }
      next = null;
      for (JsonNode link : page.path("links")) {
        if (link.path("rel").asText().equals("next")) {
          next = URI.create(link.path("href").asText()).getRawPath() + "?"
              + URI.create(link.path("href").asText()).getRawQuery();
        }
      }
    }
    assertEquals(visibleIds, ids);
    JsonNode everything = JSON.readTree(get("/collections/buildings/items?limit=100", InProcessServer.PLANNER_KEY)
        .body());
    assertEquals(60, everything.path("numberMatched").asInt(), "planners see every row");
  }

  @Test
  void aFeatureOutsideTheRowFilterIsNotFoundLikeAnUnknownOne() throws Exception {
    HttpResponse<String> visible = get("/collections/buildings/items/4");
    assertEquals(200, visible.statusCode());
    assertHidesEverything(visible.body(), "feature 4");
    assertEquals(VISIBLE, fieldNames(JSON.readTree(visible.body()).path("properties")));
    HttpResponse<String> unknown = get("/collections/buildings/items/9999");
    assertEquals(404, unknown.statusCode());
    for (String hidden : List.of("3", "44")) {
      HttpResponse<String> outside = get("/collections/buildings/items/" + hidden);
      assertEquals(404, outside.statusCode());
      assertEquals(exception(unknown.body().replace("9999", hidden)), exception(outside.body()));
    }
    assertEquals(200, get("/collections/buildings/items/3", InProcessServer.PLANNER_KEY).statusCode());
  }

  @Test
  void aVectorTileDrawsOnlyTheVisibleRowsWithTheVisibleProperties() throws Exception {
    String tile = "/collections/buildings/tiles/WebMercatorQuad/" + WebMercatorTiles.holding(extent);

    HttpResponse<byte[]> shown = getBytes(tile, null);
    assertEquals(200, shown.statusCode());
    assertHidesEverything(new String(shown.body(), StandardCharsets.ISO_8859_1), tile);
    MvtLayers.Layer layer = MvtLayers.read(shown.body()).layers().get(0);
    assertEquals(new HashSet<>(visibleIds), new HashSet<>(layer.features().stream().map(MvtLayers.Feature::id)
        .toList()));
    assertEquals(VISIBLE, new HashSet<>(layer.keys()));

    HttpResponse<byte[]> whole = getBytes(tile, InProcessServer.PLANNER_KEY);
    MvtLayers.Layer all = MvtLayers.read(whole.body()).layers().get(0);
    assertEquals(60, all.features().size());
    assertTrue(all.keys().contains("heat_demand"), "planners' tiles have it: " + all.keys());
  }

  @Test
  void aHiddenPropertyIsAnsweredAsOneThatDoesNotExist() throws Exception {
    for (String query : List.of("sortby=%s", "filter=%s%%20%%3E%%201", "properties=%s", "%s=1")) {
      String hidden = "/collections/buildings/items?" + query.formatted("heat_demand");
      String unknown = "/collections/buildings/items?" + query.formatted("no_such_thing");
      HttpResponse<String> answer = get(hidden);
      HttpResponse<String> unknownAnswer = get(unknown);
      assertEquals(400, unknownAnswer.statusCode(), unknown);
      assertEquals(400, answer.statusCode(), hidden);
      assertEquals(exception(unknownAnswer.body().replace("no_such_thing", "heat_demand")), exception(answer.body()),
          hidden);
      assertEquals(200, get(hidden, InProcessServer.PLANNER_KEY).statusCode(), "planners may: " + hidden);
    }
  }

  private static void assertHidesEverything(String body, String what) {
    for (String hidden : HIDDEN_TEXT) {
      assertFalse(body.contains(hidden), what + " shows '" + hidden + "'");
    }
  }

  /** An exception's JSON without the id of its request, which differs from request to request. */
  private static JsonNode exception(String body) throws Exception {
    ObjectNode exception = (ObjectNode) JSON.readTree(body);
    exception.remove("requestId");
    return exception;
  }

  private static Set<String> fieldNames(JsonNode object) {
    Set<String> names = new HashSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return get(path, null);
  }

  private static HttpResponse<String> get(String path, String apiKey) throws Exception {
    return HTTP.send(request(path, apiKey), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<byte[]> getBytes(String path, String apiKey) throws Exception {
    return HTTP.send(request(path, apiKey), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpRequest request(String path, String apiKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    return request.build();
  }
}
