package io.urbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.access.AccessPolicy;
import io.urbis.api.ApiSettings;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.config.AccessConfig;
import io.urbis.heatplan.HeatPlanAccess;
import io.urbis.heatplan.HeatPlans;
import io.urbis.heatplan.LiveHeatPlan;
import io.urbis.heatplan.TestPlans;
import io.urbis.server.UrbisServer;
import io.urbis.source.SourceSettings;
import io.urbis.source.postgis.PostgisFeatureSource;
import io.urbis.source.postgis.PostgisTestDatabase;
import io.urbis.testdata.MvtLayers;
import io.urbis.testdata.WebMercatorTiles;
import io.urbis.tiles.TileSettings;
import io.urbis.tiles3d.Tiles3dService;
import io.urbis.tiles3d.Tiles3dSettings;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heat plan layers served as any collection, to the public role: no block, section or area with 1 to 4
 * addresses in any page, whatever the CQL2 filter, nor in any vector tile; heating-system values only from 3
 * addresses; single buildings' personal values neither shown, nor filterable, nor in tiles, except to the personal
 * data role. A change to one building shows in the next tile.
 */
class HeatPlanServedTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> AGGREGATES = List.of("heatplan-blocks", "heatplan-sections", "heatplan-areas");
  private static final List<String> FILTERS = List.of("addresses < 5", "addresses BETWEEN 1 AND 4",
      "protection = 'withheld'", "buildings = 1", "heat_demand_mwh_a < 20", "addresses IS NULL",
      "NOT (addresses >= 5)");

  private static PostgisTestDatabase database;
  private static PostgisFeatureSource source;
  private static UrbisServer server;
  private static LiveHeatPlan plan;
  private static Catalog catalog;

  @BeforeAll
  static void serve() throws Exception {
    database = new PostgisTestDatabase("/io/urbis/heatplan/heatplan-city.sql");
    source = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of());
    HeatPlans heatPlans = HeatPlans.publish(List.of(TestPlans.town()), new CatalogBuilder().add("town", source)
        .build(), c -> Optional.of("height_m"));
    plan = heatPlans.plans().get(0);
    catalog = heatPlans.catalog();
    AccessPolicy access = AccessPolicy.of(HeatPlanAccess.withPersonalDataRules(AccessConfig.OPEN,
        List.of(plan.plan())), catalog);
    server = InProcessServer.start(new ApiSettings("Town", "", 10, 1000), TileSettings.DEFAULTS,
        new Tiles3dService(Tiles3dSettings.DEFAULTS), access, List.of(source));
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    source.close();
    database.close();
  }

  @Test
  void noAggregateOfTheWholeOutputCoversOneToFourAddresses() throws Exception {
    for (String layer : AGGREGATES) {
      JsonNode all = items(layer, null, null);
      assertTrue(all.path("features").size() > 0, layer);
      all.path("features").forEach(feature -> assertProtected(layer, feature.path("properties")));
    }
  }

  @Test
  void noCql2FilterFindsAnAggregateOfOneToFourAddresses() throws Exception {
    for (String layer : AGGREGATES) {
      for (String filter : FILTERS) {
        if (layer.endsWith("-areas") && filter.contains("protection")) {
          continue; // areas are made of published blocks only: they have no protection of their own
        }
        JsonNode page = items(layer, filter, null);
        page.path("features").forEach(feature -> assertProtected(layer + " " + filter, feature.path("properties")));
      }
    }
  }

  @Test
  void noVectorTileHoldsAnAggregateOfOneToFourAddresses() throws Exception {
    for (String layer : AGGREGATES) {
      String tile = "/collections/" + layer + "/tiles/WebMercatorQuad/"
          + WebMercatorTiles.holding(catalog.find(layer).orElseThrow().spatialExtent());
      HttpResponse<byte[]> response = getBytes(tile, null);
      assertEquals(200, response.statusCode(), tile);
      List<MvtLayers.Feature> features = MvtLayers.read(response.body()).layers().get(0).features();
      assertFalse(features.isEmpty(), tile);
      for (MvtLayers.Feature feature : features) {
        assertProtected(tile, JSON.valueToTree(feature.properties()));
      }
    }
  }

  @Test
  void singleBuildingsValuesAreForThePersonalDataRoleOnly() throws Exception {
    String path = "/collections/heatplan-buildings/items?limit=1000";
    JsonNode shown = JSON.readTree(get(path, null).body());
    JsonNode properties = shown.path("features").get(0).path("properties");
    for (String personal : plan.plan().personalProperties()) {
      assertFalse(properties.has(personal), personal + " shown: " + properties);
    }
    assertTrue(properties.has("block_heat_density_mwh_ha_a"), properties.toString());
    String filter = path + "&filter=" + URLEncoder.encode("heat_demand_kwh_a > 0", StandardCharsets.UTF_8);
    assertEquals(400, get(filter, null).statusCode(), "a hidden property cannot be filtered on");
    assertEquals(200, get(filter, InProcessServer.PLANNER_KEY).statusCode());
    assertTrue(JSON.readTree(get(path, InProcessServer.PLANNER_KEY).body()).path("features").get(0)
        .path("properties").has("heat_demand_kwh_a"));
    String tile = "/collections/heatplan-buildings/tiles/WebMercatorQuad/"
        + WebMercatorTiles.holding(catalog.find("heatplan-buildings").orElseThrow().spatialExtent());
    MvtLayers.Layer publicTile = MvtLayers.read(getBytes(tile, null).body()).layers().get(0);
    assertEquals(93, publicTile.features().size());
    plan.plan().personalProperties().forEach(p -> assertFalse(publicTile.keys().contains(p), p));
    MvtLayers.Layer plannerTile = MvtLayers.read(getBytes(tile, InProcessServer.PLANNER_KEY).body()).layers().get(0);
    assertTrue(plannerTile.keys().contains("heat_demand_kwh_a"), plannerTile.keys().toString());
  }

  @Test
  void aChangeToOneBuildingShowsInTheNextTile() throws Exception {
    String tile = "/collections/heatplan-blocks/tiles/WebMercatorQuad/"
        + WebMercatorTiles.holding(catalog.find("heatplan-blocks").orElseThrow().spatialExtent());
    byte[] before = getBytes(tile, null).body();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("UPDATE buildings SET heat_demand_kwh_a = 2000000 WHERE id = 5");
      statement.execute("SELECT pg_stat_force_next_flush()");
    }
    // the server asks for data versions at most once a second
    Thread.sleep(1_100);
    byte[] after = getBytes(tile, null).body();
    assertFalse(Arrays.equals(before, after), "the blocks' tile follows the buildings");
    double maximum = 0;
    for (MvtLayers.Feature feature : MvtLayers.read(after).layers().get(0).features()) {
      Object demand = feature.properties().get("heat_demand_mwh_a");
      maximum = Math.max(maximum, demand == null ? 0 : ((Number) demand).doubleValue());
    }
    assertTrue(maximum >= 2000, "the block of building 5 holds its 2,000 MWh/a: " + maximum);
  }

  /** A published aggregate: withheld with every value null, or of 0 or at least 5 addresses, heating data from 3. */
  private static void assertProtected(String what, JsonNode properties) {
    JsonNode addresses = properties.path("addresses");
    if (addresses.isMissingNode() || addresses.isNull()) {
      if (properties.has("protection")) {
        assertEquals("withheld", properties.path("protection").asText(), what + " " + properties);
      }
      for (String value : List.of("buildings", "heat_demand_mwh_a", "heat_density_mwh_ha_a",
          "heat_line_density_kwh_m_a", "final_energy_mwh_a")) {
        assertTrue(properties.path(value).isMissingNode() || properties.path(value).isNull(), what + " " + value);
      }
      return;
    }
    long count = addresses.asLong();
    assertTrue(count == 0 || count >= 5, what + " covers " + count + " addresses: " + properties);
    if (count > 0 && count < 3) {
      assertTrue(properties.path("final_energy_mwh_a").isNull() || properties.path("final_energy_mwh_a")
          .isMissingNode(), what);
    }
  }

  private static JsonNode items(String layer, String filter, String apiKey) throws Exception {
    String path = "/collections/" + layer + "/items?limit=1000"
        + (filter == null ? "" : "&filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
    HttpResponse<String> response = get(path, apiKey);
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> get(String path, String apiKey) throws Exception {
    return InProcessServer.get(server, path, apiKey);
  }

  private static HttpResponse<byte[]> getBytes(String path, String apiKey) throws Exception {
    return InProcessServer.getBytes(server, path, apiKey);
  }
}
