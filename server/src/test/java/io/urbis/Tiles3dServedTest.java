package io.urbis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.api.ApiSettings;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.server.UrbisServer;
import io.urbis.source.Extrusion;
import io.urbis.source.FeatureSource;
import io.urbis.source.SourceSettings;
import io.urbis.source.postgis.PostgisFeatureSource;
import io.urbis.source.postgis.PostgisTestDatabase;
import io.urbis.testdata.Gdal;
import io.urbis.testdata.NodeChecks;
import io.urbis.testdata.SharedData;
import io.urbis.tiles3d.MeshEncoding;
import io.urbis.tiles3d.Tiles3dService;
import io.urbis.tiles3d.Tiles3dSettings;
import java.io.ByteArrayInputStream;
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
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated city's 3D tiles served over HTTP, read by this test and by independent clients. */
class Tiles3dServedTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static PostgisTestDatabase database;
  private static FeatureSource source;
  private static UrbisServer server;

  @BeforeAll
  static void serveTheCity() throws Exception {
    database = new PostgisTestDatabase("/io/urbis/tiles3d/city3d.sql");
    source = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of());
    server = serve(source, Map.of("footprints", new Extrusion("height_m", "ground_m")));
  }

  private static UrbisServer serve(FeatureSource source, Map<String, Extrusion> extrusions) throws Exception {
    Catalog catalog = new CatalogBuilder().add("city", source).build();
    Tiles3dService tiles = new Tiles3dService(new Tiles3dSettings(0, extrusions, Map.of(), MeshEncoding.DEFAULT,
        Tiles3dSettings.DEFAULT_CACHE_BYTES, null));
    ApiSettings api = new ApiSettings("3D city", "Buildings in 3D", 10, 100);
    return InProcessServer.start(api, tiles, catalog, List.of(source));
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    source.close();
    database.close();
  }

  @Test
  void theCollectionLinksItsTilesetAndHasA3dExtent() throws Exception {
    JsonNode collection = json(get("/collections/blocks3d", Map.of()));
    JsonNode spatial = collection.at("/extent/spatial");
    assertEquals("http://www.opengis.net/def/crs/OGC/0/CRS84h", spatial.get("crs").asText());
    assertEquals(6, spatial.at("/bbox/0").size());
    List<String> types = new ArrayList<>();
    collection.get("links").forEach(l -> {
      if (l.get("rel").asText().equals("http://www.opengis.net/def/rel/ogc/1.0/3d-geovolumes")) {
        types.add(l.get("type").asText());
      }
    });
    assertEquals(List.of("application/json+3dtiles"), types);
    String conformance = get("/conformance", Map.of()).body();
    assertTrue(conformance.contains("http://www.opengis.net/spec/ogcapi-geovolumes-1/1.0/conf/3d-tiles"));
    assertFalse(get("/collections/flat", Map.of()).body().contains("3d-geovolumes"), "a 2D layer has no tileset");
  }

  @Test
  void theLandingPageLinksThe3dViewsOfTheCollectionsWithTiles() throws Exception {
    String html = get("/?f=html", Map.of()).body();
    for (String collection : List.of("blocks3d", "footprints")) {
      assertTrue(html.contains("href=\"" + url("/collections/" + collection + "?f=html#view3d") + "\""), html);
    }
    assertFalse(html.contains("flat?f=html#view3d"), "a 2D layer has no 3D view");
  }

  @Test
  void polyhedralSurfacesMakeVectorTilesToo() throws Exception {
    JsonNode limits = json(get("/collections/blocks3d/tiles/WebMercatorQuad", Map.of())).get("tileMatrixSetLimits");
    // the deepest zoom at which one tile still holds all the blocks
    JsonNode single = null;
    for (JsonNode limit : limits) {
      if (limit.get("minTileRow").equals(limit.get("maxTileRow"))
          && limit.get("minTileCol").equals(limit.get("maxTileCol"))) {
        single = limit;
      }
    }
    String tile = "/collections/blocks3d/tiles/WebMercatorQuad/" + single.get("tileMatrix").asText() + "/"
        + single.get("minTileRow").asInt() + "/" + single.get("minTileCol").asInt();
    HttpResponse<byte[]> response = getBytes(tile, Map.of());
    assertEquals(200, response.statusCode(), () -> tile + ": " + new String(response.body(), StandardCharsets.UTF_8));
    assertTrue(response.body().length > 0, tile);
  }

  @Test
  void theTilesetIsImplicitQuadtreeTilingOverARegion() throws Exception {
    JsonNode tileset = json(get("/collections/blocks3d/3dtiles", Map.of()));
    assertEquals("1.1", tileset.at("/asset/version").asText());
    assertEquals("QUADTREE", tileset.at("/root/implicitTiling/subdivisionScheme").asText());
    assertEquals(6, tileset.at("/root/boundingVolume/region").size());
    assertEquals("ADD", tileset.at("/root/refine").asText());
  }

  @Test
  void everyTileNamesTheSchemaDocumentThatDefinesItsPropertyTable() throws Exception {
    String content = "/collections/blocks3d/3dtiles/content/0/0/0.glb";
    byte[] glb = getBytes(content, Map.of()).body();
    int jsonLength = ByteBuffer.wrap(glb, 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    JsonNode metadata = new ObjectMapper().readTree(new String(glb, 20, jsonLength, StandardCharsets.UTF_8))
        .at("/extensions/EXT_structural_metadata");
    String schemaPath = URI.create(content).resolve(metadata.get("schemaUri").asText()).getPath();
    assertEquals("/collections/blocks3d/3dtiles/schema.json", schemaPath);
    JsonNode table = metadata.at("/propertyTables/0");
    JsonNode schemaClass = json(get(schemaPath, Map.of())).at("/classes/" + table.get("class").asText());
    table.get("properties").fieldNames().forEachRemaining(property ->
        assertTrue(schemaClass.at("/properties/" + property).has("type"), property + " in " + schemaClass));
    assertEquals("ID", schemaClass.at("/properties/featureId/semantic").asText());
  }

  @Test
  void theApiDocumentDescribesThe3dTilesPathsOfCollectionsThatHaveThem() throws Exception {
    JsonNode paths = json(get("/api?f=json", Map.of())).get("paths");
    for (String path : List.of("/3dtiles", "/3dtiles/schema.json", "/3dtiles/subtrees/{level}/{x}/{y}.subtree",
        "/3dtiles/content/{level}/{x}/{y}.glb")) {
      assertTrue(paths.has("/collections/blocks3d" + path), path);
      assertFalse(paths.has("/collections/flat" + path), "flat has no 3D tiles: " + path);
    }
  }

  @Test
  void badAddressesAreOgcExceptionsNeverServerErrors() throws Exception {
    Map<String, Integer> expected = Map.ofEntries(
        Map.entry("/collections/nowhere/3dtiles", 404),
        Map.entry("/collections/flat/3dtiles", 404),
        Map.entry("/collections/blocks3d/3dtiles/content/99/0/0.glb", 404),
        Map.entry("/collections/blocks3d/3dtiles/content/1/5/0.glb", 404),
        Map.entry("/collections/blocks3d/3dtiles/content/0/-1/0.glb", 404),
        Map.entry("/collections/blocks3d/3dtiles/content/one/0/0.glb", 400),
        Map.entry("/collections/blocks3d/3dtiles/content/0/0/99999999999999999999.glb", 400),
        Map.entry("/collections/blocks3d/3dtiles/subtrees/1/0/0.subtree", 404),
        Map.entry("/collections/blocks3d/3dtiles/subtrees/x/0/0.subtree", 400),
        Map.entry("/collections/flat/3dtiles/schema.json", 404),
        Map.entry("/collections/blocks3d/3dtiles?foo=bar", 400));
    for (Map.Entry<String, Integer> entry : expected.entrySet()) {
      HttpResponse<String> response = get(entry.getKey(), Map.of());
      assertEquals(entry.getValue(), response.statusCode(), entry.getKey());
      JsonNode error = json(response);
      assertTrue(error.hasNonNull("code") && error.hasNonNull("description"), entry.getKey() + ": " + error);
    }
  }

  @Test
  void tilesCarryStrongEtagsAnswer304AndAreCompressedOnce() throws Exception {
    for (String path : List.of("/collections/blocks3d/3dtiles/content/0/0/0.glb",
        "/collections/blocks3d/3dtiles/subtrees/0/0/0.subtree", "/collections/blocks3d/3dtiles",
        "/collections/blocks3d/3dtiles/schema.json")) {
      HttpResponse<byte[]> plain = getBytes(path, Map.of());
      HttpResponse<byte[]> gzipped = getBytes(path, Map.of("Accept-Encoding", "gzip"));
      assertEquals(200, gzipped.statusCode(), path);
      assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""), path);
      assertFalse(plain.headers().firstValue("Content-Encoding").isPresent(), path);
      try (GZIPInputStream once = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
        assertArrayEquals(plain.body(), once.readAllBytes(), "gzipped exactly once: " + path);
      }
      String tag = gzipped.headers().firstValue("ETag").orElseThrow();
      assertFalse(tag.startsWith("W/"), "strong: " + tag);
      assertNotEquals(tag, plain.headers().firstValue("ETag").orElseThrow(), "each form has its own tag");
      assertEquals(304, get(path, Map.of("If-None-Match", tag, "Accept-Encoding", "gzip")).statusCode(), path);
    }
  }

  @Test
  void theGltfValidatorAndLoadersGlAcceptEveryTile() {
    NodeChecks.assumeNode();
    for (String collection : List.of("blocks3d", "footprints")) {
      NodeChecks.Result result = NodeChecks.run("validate.mjs", url("/collections/" + collection + "/3dtiles"));
      assertTrue(result.passed(), result.output());
    }
  }

  @Test
  void theRealWeselFootprintsPassTheSameClients() throws Exception {
    NodeChecks.assumeNode();
    Optional<Path> footprints = SharedData.file("nrw_wesel_lod2/wesel_buildings_footprints.gpkg");
    assumeTrue(footprints.isPresent(), "the shared Wesel data is absent");
    assumeTrue(Gdal.has("ogr2ogr"), "ogr2ogr (gdal-bin) is not installed");
    try (PostgisTestDatabase wesel = new PostgisTestDatabase("/io/urbis/tiles3d/postgis.sql")) {
      wesel.loadWithGdal(footprints.get());
      try (FeatureSource weselSource = new PostgisFeatureSource(wesel.url(), SourceSettings.DEFAULTS, List.of())) {
        UrbisServer weselServer = serve(weselSource,
            Map.of("buildings", new Extrusion("measured_height", "ground_z_min")));
        try {
          NodeChecks.Result result = NodeChecks.run("validate.mjs",
              "http://127.0.0.1:" + weselServer.port() + "/collections/buildings/3dtiles");
          assertTrue(result.passed(), result.output());
          assertTrue(result.output().contains("\"features\":6631"), result.output());
        } finally {
          weselServer.stop();
        }
      }
    }
  }

  @Test
  void cesiumInHeadlessChromiumLoadsEveryTileAndDrawsTheCity() throws Exception {
    NodeChecks.assumeCesiumInChromium();
    Path screenshot = Path.of("target", "tiles3d-cesium.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    NodeChecks.Result result = NodeChecks.run("cesium.mjs", url("/collections/blocks3d?f=html"),
        screenshot.toString());
    assertTrue(result.passed(), result.output());
    assertTrue(Files.size(screenshot) > 10_000, "a screenshot with something in it");
  }

  private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<byte[]> getBytes(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }
}
