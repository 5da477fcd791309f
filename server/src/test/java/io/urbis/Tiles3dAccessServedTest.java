package io.urbis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import io.urbis.config.AccessConfig.Rule;
import io.urbis.server.UrbisServer;
import io.urbis.source.Extrusion;
import io.urbis.source.SourceSettings;
import io.urbis.source.postgis.PostgisFeatureSource;
import io.urbis.source.postgis.PostgisTestDatabase;
import io.urbis.tiles.TileSettings;
import io.urbis.tiles3d.MeshEncoding;
import io.urbis.tiles3d.TileId;
import io.urbis.tiles3d.Tiles3dService;
import io.urbis.tiles3d.Tiles3dSettings;
import io.urbis.tiles3d.TilesetWalk;
import io.urbis.tiles3d.TilingScheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated city's 3D tiles served to two audiences over HTTP: the public, from whom the blocks' names and storeys
 * and the footprints' heights are hidden, and planners (their API key), who see everything. Names and storeys are
 * configured for the tiles of the blocks; the footprints are raised by their heights.
 */
class Tiles3dAccessServedTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String[] PUBLIC = {};
  private static final String[] PLANNER = {"X-API-Key", InProcessServer.PLANNER_KEY};
  private static final AccessConfig RULES = new AccessConfig(null, Map.of(
      "blocks3d", Map.of("public", new Rule("read", List.of("name", "storeys"), null), "planner", Rule.of("read")),
      "footprints", Map.of("public", new Rule("read", List.of("height_m"), null), "planner", Rule.of("read"))));

  private static PostgisTestDatabase database;
  private static PostgisFeatureSource source;
  private static AccessPolicy policy;

  @BeforeAll
  static void loadTheCity() throws Exception {
    database = new PostgisTestDatabase("/io/urbis/tiles3d/city3d.sql");
    source = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of());
    Catalog catalog = new CatalogBuilder().add("city", source).build();
    policy = AccessPolicy.of(RULES, catalog);
  }

  @AfterAll
  static void dropTheCity() throws Exception {
    source.close();
    database.close();
  }

  @Test
  void thePublicGetsTilesAndSchemaWithoutItsHiddenPropertiesPlannersWithThem(@TempDir Path cache) throws Exception {
    serve(cache, server -> {
      Served forPublic = walk(server, PUBLIC);
      assertEquals(List.of("featureId", "listed"), names(forPublic.schema.at("/classes/blocks3d/properties")));
      String schemaText = forPublic.schema.toString();
      assertFalse(schemaText.contains("storeys") || schemaText.contains("\"name\":\"name\""), schemaText);
      for (byte[] glb : forPublic.contents) {
        String json = jsonChunk(glb);
        assertFalse(json.contains("storeys"), json);
        JsonNode table = JSON.readTree(json).at("/extensions/EXT_structural_metadata/propertyTables/0/properties");
        assertTrue(List.of("featureId", "listed").containsAll(names(table)), table.toString());
        assertFalse(new String(glb, StandardCharsets.ISO_8859_1).contains("Block "), "no block's name in any tile");
      }

      Served forPlanners = walk(server, PLANNER);
      assertEquals(List.of("featureId", "name", "storeys", "listed"),
          names(forPlanners.schema.at("/classes/blocks3d/properties")));
      assertTrue(forPlanners.contents.stream().anyMatch(glb -> jsonChunk(glb).contains("\"storeys\"")
          && new String(glb, StandardCharsets.ISO_8859_1).contains("Block ")));
    });
  }

  @Test
  void audiencesShareNoCacheEntryNorSchemaName(@TempDir Path cache) throws Exception {
    serve(cache, server -> {
      Served forPublic = walk(server, PUBLIC);
      assertEquals(forPublic.responses, files(cache), "the public's tileset, subtrees and tiles, each stored");
      Served forPlanners = walk(server, PLANNER);
      assertEquals(forPublic.responses + forPlanners.responses, files(cache),
          "the planners' stored beside them, though the same rows make the same tileset and subtrees");

      assertEquals("urbis", forPlanners.schema.get("id").asText());
      assertEquals("schema.json", forPlanners.schemaFile);
      String tag = forPublic.schema.get("id").asText().substring("urbis_".length());
      assertEquals("schema-" + tag + ".json", forPublic.schemaFile);
      String publicSchema = "/collections/blocks3d/3dtiles/" + forPublic.schemaFile;
      assertEquals(404, get(server, publicSchema, PLANNER).statusCode(), "the public's schema is not the planners'");
      assertEquals(404, get(server, "/collections/blocks3d/3dtiles/schema-" + "0".repeat(tag.length()) + ".json",
          PUBLIC).statusCode(), "no other name");

      String tile = "/collections/blocks3d/3dtiles/content/" + forPublic.firstContent;
      HttpResponse<byte[]> publicTile = get(server, tile, PUBLIC);
      HttpResponse<byte[]> plannersTile = get(server, tile, PLANNER);
      assertNotEquals(publicTile.headers().firstValue("ETag").orElseThrow(),
          plannersTile.headers().firstValue("ETag").orElseThrow());
      assertArrayEquals(publicTile.body(), forPublic.contents.get(0), "from the public's cache entry");
      assertArrayEquals(plannersTile.body(), forPlanners.contents.get(0), "from the planners' cache entry");
    });
  }

  @Test
  void footprintsRaisedByAHiddenHeightHaveNo3dTilesForThatAudience(@TempDir Path cache) throws Exception {
    serve(cache, server -> {
      HttpResponse<byte[]> tileset = get(server, "/collections/footprints/3dtiles", PUBLIC);
      assertEquals(404, tileset.statusCode());
      assertTrue(JSON.readTree(tileset.body()).hasNonNull("description"));
      assertFalse(text(get(server, "/collections/footprints", PUBLIC)).contains("3d-geovolumes"));
      assertFalse(text(get(server, "/api?f=json", PUBLIC)).contains("/collections/footprints/3dtiles"));
      assertEquals(200, get(server, "/collections/footprints/3dtiles", PLANNER).statusCode());
      assertTrue(text(get(server, "/collections/footprints", PLANNER)).contains("3d-geovolumes"));
    });
  }

  /** What a test checks on a server of the city. */
  private interface ServedCheck {
    void check(UrbisServer server) throws Exception;
  }

  /** Serves the city with 3D tiles built on request and kept in {@code cache} only, for one check. */
  private static void serve(Path cache, ServedCheck check) throws Exception {
    Tiles3dService tiles = new Tiles3dService(new Tiles3dSettings(0,
        Map.of("footprints", new Extrusion("height_m", "ground_m")),
        Map.of("blocks3d", List.of("name", "storeys", "listed")), MeshEncoding.DEFAULT, 0, cache));
    UrbisServer server = InProcessServer.start(new ApiSettings("3D city", "Buildings in 3D", 10, 100),
        TileSettings.DEFAULTS, tiles, policy, List.of(source));
    try {
      check.check(server);
    } finally {
      server.stop();
    }
  }

  /**
   * What an audience was served of the blocks' 3D tiles, walked as a client walks them (every tile checked against
   * the metadata rules and the schema it names): its schema, the file the tiles name it by, every tile with content
   * in the order walked, the first one's address and how many tilesets, subtrees and tiles it took.
   */
  private record Served(JsonNode schema, String schemaFile, List<byte[]> contents, String firstContent,
      int responses) {}

  private static Served walk(UrbisServer server, String... credentials) throws Exception {
    String tilesetPath = "/collections/blocks3d/3dtiles";
    JsonNode root = JSON.readTree(get(server, tilesetPath, credentials).body()).get("root");
    JsonNode region = root.at("/boundingVolume/region");
    TilingScheme scheme = new TilingScheme(Math.toDegrees(region.get(0).asDouble()),
        Math.toDegrees(region.get(1).asDouble()), Math.toDegrees(region.get(2).asDouble()),
        Math.toDegrees(region.get(3).asDouble()), region.get(4).asDouble(), region.get(5).asDouble(),
        root.at("/implicitTiling/availableLevels").asInt());
    byte[] schema = get(server, tilesetPath + "/schema.json", credentials).body();
    String id = JSON.readTree(schema).get("id").asText();
    String schemaFile = id.equals("urbis") ? "schema.json" : "schema-" + id.substring("urbis_".length()) + ".json";
    assertArrayEquals(schema, get(server, tilesetPath + "/" + schemaFile, credentials).body());
    List<byte[]> contents = new ArrayList<>();
    List<String> addresses = new ArrayList<>();
    int[] subtrees = {0};
    TilesetWalk walk = new TilesetWalk(scheme, tile -> {
      subtrees[0]++;
      return fetch(server, tilesetPath + "/subtrees/" + address(tile) + ".subtree", credentials);
    }, tile -> {
      addresses.add(address(tile) + ".glb");
      contents.add(fetch(server, tilesetPath + "/content/" + address(tile) + ".glb", credentials));
      return contents.get(contents.size() - 1);
    }, schemaFile, schema).walk();
    walk.assertEveryTileKeepsTheMetadataRules();
    assertEquals(400, walk.featureIds.size(), "every block once");
    return new Served(JSON.readTree(schema), schemaFile, contents, addresses.get(0), 1 + subtrees[0] + contents.size());
  }

  private static String address(TileId tile) {
    return tile.level() + "/" + tile.x() + "/" + tile.y();
  }

  private static byte[] fetch(UrbisServer server, String path, String... credentials) {
    try {
      HttpResponse<byte[]> response = get(server, path, credentials);
      assertEquals(200, response.statusCode(), path);
      return response.body();
    } catch (Exception e) {
      throw new IllegalStateException(path, e);
    }
  }

  private static HttpResponse<byte[]> get(UrbisServer server, String path, String... credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (credentials.length > 0) {
      request.headers(credentials);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** The GLB's JSON chunk. */
  private static String jsonChunk(byte[] glb) {
    int length = ByteBuffer.wrap(glb, 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    return new String(glb, 20, length, StandardCharsets.UTF_8);
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static int files(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return (int) files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
