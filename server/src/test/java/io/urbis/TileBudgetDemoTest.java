package io.urbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.api.ApiSettings;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.demo.DemoCity;
import io.urbis.server.UrbisServer;
import io.urbis.source.FeatureSource;
import io.urbis.source.SourceSettings;
import io.urbis.source.geopackage.GeoPackageFeatureSource;
import io.urbis.source.postgis.PostgisFeatureSource;
import io.urbis.source.postgis.PostgisTestDatabase;
import io.urbis.testdata.MvtLayers;
import io.urbis.tiles.TileBudget;
import io.urbis.tiles.TileProperties;
import io.urbis.tiles.TileSettings;
import io.urbis.tiles3d.Tiles3dService;
import io.urbis.tiles3d.Tiles3dSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo city served within a tile budget of 50,000 bytes (a tenth of the default, so that its densest tiles are
 * reduced as a big city's are) from its GeoPackage and from PostGIS (the same layers loaded with ogr2ogr): every
 * tile of every tile set from zoom 8 to 16 fits; the tile set metadata and TileJSON tell alike from which zoom each
 * layer is complete, and from there the buildings' tiles hold every building with the properties PostGIS has.
 */
class TileBudgetDemoTest {

  private static final long BUDGET = 50_000;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path folder;
  private static PostgisTestDatabase database;
  private static final List<FeatureSource> SOURCES = new ArrayList<>();
  private static final Map<String, UrbisServer> SERVERS = new LinkedHashMap<>();

  @BeforeAll
  static void serveTheDemoTwice() throws Exception {
    Path demo = DemoCity.ensure(folder.resolve("demo.gpkg"));
    database = new PostgisTestDatabase();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTENSION postgis");
    }
    database.loadWithGdal(demo);
    TileSettings tiles = new TileSettings("max-age=60", TileProperties.ALL, 0, null,
        new TileBudget(BUDGET, TileBudget.DEFAULT_MINIMUM_SIZE_IN_PIXELS, true));
    serve("geopackage", new GeoPackageFeatureSource(demo, SourceSettings.DEFAULTS), tiles);
    serve("postgis", new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of()), tiles);
  }

  private static void serve(String name, FeatureSource source, TileSettings tiles) throws Exception {
    SOURCES.add(source);
    SERVERS.put(name, InProcessServer.start(new ApiSettings("Demo", "", 10, 100), tiles,
        new Tiles3dService(Tiles3dSettings.DEFAULTS), new CatalogBuilder().add("demo", source).build(),
        List.of(source)));
  }

  @AfterAll
  static void stop() throws Exception {
    for (UrbisServer server : SERVERS.values()) {
      server.stop();
    }
    SOURCES.forEach(FeatureSource::close);
    if (database != null) {
      database.close();
    }
  }

  @Test
  void everyTileOfEveryTileSetFromZoom8To16FitsTheBudget() throws Exception {
    for (Map.Entry<String, UrbisServer> server : SERVERS.entrySet()) {
      int tiles = 0;
      for (String tileSet : List.of("/collections/buildings/tiles", "/collections/streets/tiles",
          "/collections/districts/tiles", "/tiles")) {
        for (int zoom = 8; zoom <= 16; zoom++) {
          for (String tile : tiles(server.getValue(), tileSet, zoom)) {
            HttpResponse<byte[]> response = get(server.getValue(), tile);
            assertTrue(response.statusCode() == 200 || response.statusCode() == 204, tile);
            assertTrue(response.body().length <= BUDGET, server.getKey() + " " + tile + ": "
                + response.body().length + " bytes");
            tiles++;
          }
        }
      }
      assertTrue(tiles > 300, server.getKey() + ": tiles checked " + tiles);
    }
  }

  @Test
  void theTileSetAndTileJsonTellFromWhichZoomEachLayerIsComplete() throws Exception {
    Map<String, Map<String, Integer>> complete = new HashMap<>();
    for (Map.Entry<String, UrbisServer> server : SERVERS.entrySet()) {
      JsonNode tileSet = json(server.getValue(), "/tiles/WebMercatorQuad");
      JsonNode tileJson = json(server.getValue(), "/tiles/WebMercatorQuad/tilejson");
      Map<String, Integer> fromTileSet = new HashMap<>();
      tileSet.get("layers").forEach(layer -> fromTileSet.put(layer.get("id").asText(),
          Integer.valueOf(layer.get("completeFromTileMatrix").asText())));
      Map<String, Integer> fromTileJson = new HashMap<>();
      tileJson.get("vector_layers").forEach(layer -> fromTileJson.put(layer.get("id").asText(),
          layer.get("completezoom").asInt()));
      assertEquals(fromTileSet, fromTileJson, server.getKey());
      assertEquals(3, fromTileSet.size(), server.getKey() + ": every layer " + fromTileSet);
      assertTrue(fromTileSet.get("buildings") > 8, server.getKey() + ": the buildings are reduced at zoom 8");
      int deepest = fromTileSet.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
      assertEquals(Math.max(16, deepest), tileJson.get("maxzoom").asInt(), "web maps reach the complete tiles");
      complete.put(server.getKey(), fromTileSet);
    }
    assertEquals(complete.get("postgis"), complete.get("geopackage"), "both sources tell the same");
  }

  @Test
  void fromTheCompleteZoomTheBuildingsTilesHoldEveryBuildingAsPostgisHasIt() throws Exception {
    Map<Long, Map<String, Object>> rows = database.rows("SELECT fid, height_m, storeys, year_built, function,"
        + " heat_demand_kwh_a, district, last_renovation, street, house_number, building_type, energy_carrier,"
        + " heating_system FROM buildings");
    for (Map.Entry<String, UrbisServer> server : SERVERS.entrySet()) {
      String tileSet = "/collections/buildings/tiles";
      int zoom = Integer.parseInt(json(server.getValue(), tileSet + "/WebMercatorQuad").get("layers").get(0)
          .get("completeFromTileMatrix").asText());
      Map<Long, Map<String, Object>> seen = new HashMap<>();
      for (String tile : tiles(server.getValue(), tileSet, zoom)) {
        byte[] body = get(server.getValue(), tile).body();
        for (MvtLayers.Layer layer : MvtLayers.read(body).layers()) {
          for (MvtLayers.Feature feature : layer.features()) {
            seen.put(feature.id(), MvtLayers.comparable(feature.properties()));
          }
        }
      }
      assertEquals(rows, seen, server.getKey() + " at zoom " + zoom);
    }
  }

  /** The tile paths of zoom {@code zoom} within the tile set's limits. */
  private static List<String> tiles(UrbisServer server, String tileSet, int zoom) throws Exception {
    List<String> paths = new ArrayList<>();
    for (JsonNode limits : json(server, tileSet + "/WebMercatorQuad").get("tileMatrixSetLimits")) {
      if (limits.get("tileMatrix").asText().equals(Integer.toString(zoom))) {
        for (long row = limits.get("minTileRow").asLong(); row <= limits.get("maxTileRow").asLong(); row++) {
          for (long col = limits.get("minTileCol").asLong(); col <= limits.get("maxTileCol").asLong(); col++) {
            paths.add(tileSet + "/WebMercatorQuad/" + zoom + "/" + row + "/" + col);
          }
        }
      }
    }
    return paths;
  }

  private static JsonNode json(UrbisServer server, String path) throws Exception {
    HttpResponse<byte[]> response = get(server, path);
    assertEquals(200, response.statusCode(), path);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<byte[]> get(UrbisServer server, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
