package io.urbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.access.AccessPolicy;
import io.urbis.api.ApiSettings;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.config.AccessConfig;
import io.urbis.config.AccessConfig.Rule;
import io.urbis.server.UrbisServer;
import io.urbis.source.Extrusion;
import io.urbis.source.SourceSettings;
import io.urbis.source.postgis.PostgisFeatureSource;
import io.urbis.source.postgis.PostgisTestDatabase;
import io.urbis.tiles.TileProperties;
import io.urbis.tiles.TileSettings;
import io.urbis.tiles3d.MeshEncoding;
import io.urbis.tiles3d.TileId;
import io.urbis.tiles3d.Tiles3dService;
import io.urbis.tiles3d.Tiles3dSettings;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code urbis seed} fills the cache directory, and a server with that directory serves from it. */
class SeedCommandTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path folder;
  private static PostgisTestDatabase database;
  private static Path config;
  private static Path cache;

  @BeforeAll
  static void database() throws Exception {
    database = new PostgisTestDatabase("/io/urbis/tiles3d/city3d.sql");
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      // the extruded footprints are enough 3D tiles to seed; fewer tables keep the test short
      statement.execute("DROP TABLE blocks3d, empty3d");
    }
    awaitStatisticsOfTheLoad();
    cache = folder.resolve("cache");
    config = Files.writeString(folder.resolve("urbis.yaml"), "sources: ['" + database.location() + "']\n"
        + "tiles:\n  cacheDirectory: '" + cache + "'\n"
        + "tiles3d:\n  extrude:\n    footprints: {height: height_m, base: ground_m}\n");
  }

  /**
   * The loading session's row counts reach the statistics when it ends, a moment after the test goes on; they are
   * part of the data version, so seeding before they arrive would seed another version than the server sees.
   */
  private static void awaitStatisticsOfTheLoad() throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      for (int tries = 0; tries < 150; tries++) {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_user_tables"
            + " WHERE relname = 'footprints' AND n_tup_ins > 0")) {
          if (rows.next() && rows.getLong(1) > 0) {
            return;
          }
        }
        Thread.sleep(100);
      }
    }
  }

  @AfterAll
  static void drop() throws Exception {
    database.close();
  }

  @Test
  void seededTilesAreServedWithoutBuildingThem() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, run(out, err, "seed", "--config", config.toString(), "--zoom", "14-15", "--3d"),
        err.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).matches("(?s)urbis seed: [0-9,]+ tiles \\([0-9,]+ empty\\), .*"
        + "; 3D: 399 features in [0-9.]+ s, [0-9,]+ features/s in .*"), out.toString(StandardCharsets.UTF_8));
    try (Stream<Path> files = Files.walk(cache)) {
      assertTrue(files.anyMatch(f -> f.toString().endsWith(".tile")));
    }

    CountingSource source = new CountingSource(new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS,
        List.of()));
    Catalog catalog = new CatalogBuilder().add("city", source).build();
    TileSettings tiles = new TileSettings("max-age=60", TileProperties.ALL, TileSettings.DEFAULT_CACHE_BYTES, cache);
    Tiles3dService tiles3d = new Tiles3dService(new Tiles3dSettings(0, Map.of(), Map.of(), MeshEncoding.DEFAULT,
        Tiles3dSettings.DEFAULT_CACHE_BYTES, cache));
    UrbisServer server = InProcessServer.start(new ApiSettings("City", "", 10, 100), tiles, tiles3d, catalog,
        List.of(source));
    try {
      String path = "/collections/footprints/tiles/WebMercatorQuad/" + VectorTileCacheTest.centreTile(catalog, 15);
      HttpResponse<byte[]> tile = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
          + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, tile.statusCode());
      assertTrue(tile.body().length > 0);
      assertEquals(0, source.tilesBuilt(), "the tile was read from the cache directory");
    } finally {
      server.stop();
      source.close();
    }
    seededTilesAreServedToTheWholeCollectionsAudienceOnly(tiles);
  }

  /**
   * The seeded cache served with access rules: planners see the whole footprints and are served the seeded vector
   * and 3D tiles; the public, from whom the footprints' names are hidden, is served tiles built for it, stored beside
   * the seeded ones.
   */
  private static void seededTilesAreServedToTheWholeCollectionsAudienceOnly(TileSettings tiles) throws Exception {
    CountingSource source = new CountingSource(new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS,
        List.of()));
    Catalog catalog = new CatalogBuilder().add("city", source).build();
    AccessPolicy policy = AccessPolicy.of(new AccessConfig(null, Map.of("footprints", Map.of(
        "public", new Rule("read", List.of("name"), null), "planner", Rule.of("read")))), catalog);
    Tiles3dService tiles3d = new Tiles3dService(new Tiles3dSettings(0,
        Map.of("footprints", new Extrusion("height_m", "ground_m")), Map.of(), MeshEncoding.DEFAULT, 0, cache));
    UrbisServer server = InProcessServer.start(new ApiSettings("City", "", 10, 100), tiles, tiles3d, policy,
        List.of(source));
    try {
      TileId content = tiles3d.index(catalog.find("footprints").orElseThrow()).contentTiles().iterator().next();
      String glb = "/collections/footprints/3dtiles/content/" + content.level() + "/" + content.x() + "/"
          + content.y() + ".glb";
      List<String> paths = List.of(
          "/collections/footprints/tiles/WebMercatorQuad/" + VectorTileCacheTest.centreTile(catalog, 15),
          "/collections/footprints/3dtiles", glb);
      long seeded = files();
      for (String path : paths) {
        assertEquals(200, get(server, path, "X-API-Key", InProcessServer.PLANNER_KEY).statusCode(), path);
      }
      assertEquals(seeded, files(), "the planners' tiles were all seeded");
      assertEquals(0, source.tilesBuilt());
      assertTrue(new String(get(server, glb, "X-API-Key", InProcessServer.PLANNER_KEY).body(),
          StandardCharsets.ISO_8859_1).contains("Footprint "), "the footprints' names in the planners' 3D tile");
      for (String path : paths) {
        assertEquals(200, get(server, path).statusCode(), path);
      }
      assertEquals(1, source.tilesBuilt(), "the public's vector tile is its own");
      assertEquals(seeded + paths.size(), files(), "the public's tiles stored beside the seeded ones");
      assertFalse(new String(get(server, glb).body(), StandardCharsets.ISO_8859_1).contains("Footprint "),
          "no footprint's name in the public's 3D tile");
    } finally {
      server.stop();
      source.close();
    }
  }

  private static HttpResponse<byte[]> get(UrbisServer server, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static long files() throws Exception {
    try (Stream<Path> files = Files.walk(cache)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void badArgumentsAreOneLineAndStatusTwo() {
    assertUsageError("urbis seed: nothing to seed", "seed", "--config", config.toString());
    assertUsageError("urbis seed: --zoom needs a zoom level", "seed", "--config", config.toString(), "--zoom",
        "twelve");
    assertUsageError("urbis seed: --zoom 30: WebMercatorQuad has no tile matrix 30", "seed", "--zoom", "30");
    assertUsageError("urbis seed: --tms: there is no tile matrix set 'Nowhere'", "seed", "--tms", "Nowhere",
        "--3d");
    assertUsageError("urbis seed: tiles.cacheDirectory is not set", "seed", database.location(), "--3d");
  }

  private static void assertUsageError(String start, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, run(new ByteArrayOutputStream(), err, args));
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.startsWith(start) && message.indexOf('\n') == message.length() - 1, message);
  }

  private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    return new Urbis(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
  }
}
