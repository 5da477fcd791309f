package io.urbis;

import static org.junit.jupiter.api.Assertions.assertAll;
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
import io.urbis.catalog.Collection;
import io.urbis.catalog.Property;
import io.urbis.config.AccessConfig;
import io.urbis.config.AccessConfig.Rule;
import io.urbis.demo.DemoCity;
import io.urbis.server.UrbisServer;
import io.urbis.source.FeatureSource;
import io.urbis.source.SourceSettings;
import io.urbis.tiles.TileProperties;
import io.urbis.tiles.TileSettings;
import io.urbis.tiles3d.Tiles3dService;
import io.urbis.tiles3d.Tiles3dSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP face of the access rules, on the demo city with the streets and the buildings' heat demand hidden from
 * the public and planners reading (and writing) everything: every document, page, tile and error lists only what
 * its caller sees, responses that depend on the caller vary by credentials and are private to callers with some,
 * and audiences never share an ETag. A second server of the same data without rules answers as before.
 */
class AccessViewsServedTest {

  private static final String HIDDEN_COLLECTION = "streets";
  private static final String HIDDEN_PROPERTY = "heat_demand_kwh_a";
  private static final String UNKNOWN = "nosuch";
  private static final AccessConfig RULES = new AccessConfig(Map.of("*", Rule.of("read")), Map.of(
      HIDDEN_COLLECTION, Map.of("planner", Rule.of("write")),
      "buildings", Map.of("public", new Rule("read", List.of(HIDDEN_PROPERTY), null), "planner",
          Rule.of("write"))));
  /** Building tiles up to this zoom carry the height alone, so both audiences get the same bytes. */
  private static final int HEIGHTS_ZOOM = 13;
  /** From this zoom on they carry every property the audience sees. */
  private static final int FULL_ZOOM = 14;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path folder;
  private static FeatureSource source;
  private static Collection buildings;
  private static UrbisServer ruled;
  private static UrbisServer open;

  /** Who asks: the public without credentials, or a planner with the planner's API key. */
  private enum Audience {
    PUBLIC(null), PLANNER(InProcessServer.PLANNER_KEY);

    final String key;

    Audience(String key) {
      this.key = key;
    }
  }

  @BeforeAll
  static void serveTheDemoCityWithAndWithoutRules() throws Exception {
    source = Sources.open(DemoCity.ensure(folder.resolve("city.gpkg")).toString(), SourceSettings.DEFAULTS,
        List.of());
    Catalog catalog = new CatalogBuilder().add("city", source).build();
    buildings = catalog.find("buildings").orElseThrow();
    List<String> all = buildings.properties().stream().map(Property::name).toList();
    TileSettings tiles = new TileSettings("max-age=60", new TileProperties(Map.of("buildings",
        Map.of(0, List.of("height_m"), FULL_ZOOM, all))), TileSettings.DEFAULT_CACHE_BYTES, null);
    ApiSettings api = new ApiSettings("City", "The demo city", 10, 100);
    Tiles3dService tiles3d = new Tiles3dService(Tiles3dSettings.DEFAULTS);
    ruled = InProcessServer.start(api, tiles, tiles3d, AccessPolicy.of(RULES, catalog), List.of(source));
    open = InProcessServer.start(api, tiles, tiles3d, catalog, List.of(source));
  }

  @AfterAll
  static void stop() throws Exception {
    ruled.stop();
    open.stop();
    source.close();
  }

  @Test
  void aRefusedWriteLeavesItsConnectionUsable() throws Exception {
    // the refusal comes before the body is read: the server reads it anyway, so the connection stays usable
    byte[] body = ("{\"type\":\"Feature\",\"properties\":{\"note\":\"" + "x".repeat(200_000) + "\"},"
        + "\"geometry\":null}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < 50; i++) {
      HttpResponse<byte[]> refused = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ruled.port()
          + "/collections/buildings/items")).header("Content-Type", "application/geo+json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(401, refused.statusCode());
      assertEquals(200, send(ruled, "/collections").statusCode());
    }
  }

  @Test
  void theHiddenNamesAreInNoBodyOrHeaderThePublicGetsAndPlannersGetThem() throws Exception {
    List<String> paths = new ArrayList<>(List.of("/", "/?f=html", "/collections", "/collections?f=html",
        "/collections/buildings", "/collections/buildings?f=html", "/collections/buildings/queryables",
        "/collections/buildings/schema", "/collections/buildings/sortables", "/collections/buildings/items?limit=5",
        "/collections/buildings/items?limit=5&f=html", "/collections/buildings/items/1",
        "/collections/buildings/items/1?f=html", "/api", "/api?f=yaml", "/tiles", "/tiles/WebMercatorQuad",
        "/tiles/WebMercatorQuad?f=html", "/tiles/WebMercatorQuad/tilejson", "/tiles/WebMercatorQuad/style",
        "/collections/buildings/tiles/WebMercatorQuad/tilejson", "/collections/buildings/tiles/WebMercatorQuad/style",
        "/collections/buildings/tiles/WebMercatorQuad/" + centreTile(FULL_ZOOM),
        "/tiles/WebMercatorQuad/" + centreTile(FULL_ZOOM),
        "/collections/buildings/items?properties=" + UNKNOWN, "/collections/buildings/items?sortby=" + UNKNOWN,
        "/collections/buildings/items?filter=" + UNKNOWN + "%3D1", "/collections/buildings/items?" + UNKNOWN + "=1",
        "/tiles?collections=" + UNKNOWN));
    StringBuilder planners = new StringBuilder();
    for (String path : paths) {
      HttpResponse<byte[]> publics = get(ruled, path, Audience.PUBLIC);
      String seen = everything(publics);
      assertTrue(publics.statusCode() < 500, path + ": " + seen);
      assertAll(path, () -> assertFalse(seen.contains(HIDDEN_COLLECTION), seen),
          () -> assertFalse(seen.contains(HIDDEN_PROPERTY), seen));
      planners.append(everything(get(ruled, path, Audience.PLANNER)));
    }
    assertTrue(planners.toString().contains(HIDDEN_COLLECTION));
    assertTrue(planners.toString().contains(HIDDEN_PROPERTY));
  }

  @Test
  void theLandingPageMapsAndListsTheCollectionsTheCallerSeesAndItsJsonIsTheSameForAll() throws Exception {
    Pattern layer = Pattern.compile("data-layer=\"([^\"]+)\"");
    String publics = text(get(ruled, "/?f=html", Audience.PUBLIC));
    assertEquals(List.of("districts", "buildings"), matches(layer, publics));
    assertEquals(List.of("districts", HIDDEN_COLLECTION, "buildings"),
        matches(layer, text(get(ruled, "/?f=html", Audience.PLANNER))));
    // the map draws the dataset's tiles, whose style lists the layers of the caller's view
    assertTrue(publics.contains("data-style=\"http://127.0.0.1:" + ruled.port() + "/tiles/WebMercatorQuad/style\""),
        publics);
    // the JSON lists links alone, the same for every audience
    HttpResponse<byte[]> publicJson = get(ruled, "/", Audience.PUBLIC);
    assertArrayEquals(publicJson.body(), get(ruled, "/", Audience.PLANNER).body());
    assertEquals(Set.of("title", "description", "links"), names(JSON.readTree(publicJson.body())));
  }

  @Test
  void aHiddenCollectionOrPropertyIsRefusedAsAnUnknownOneIs() throws Exception {
    List<String> templates = List.of("/collections/%s", "/collections/%s/items", "/collections/%s/queryables",
        "/tiles?collections=%s", "/tiles/WebMercatorQuad/tilejson?collections=districts,%s");
    for (String template : templates) {
      assertSameRefusal(template, HIDDEN_COLLECTION);
    }
    for (String template : List.of("/collections/buildings/items?properties=%s",
        "/collections/buildings/items?sortby=-%s", "/collections/buildings/items?filter=%s%%3E1000",
        "/collections/buildings/items?%s=1000")) {
      assertSameRefusal(template, HIDDEN_PROPERTY);
    }
    assertEquals(200, get(ruled, "/tiles?collections=" + HIDDEN_COLLECTION, Audience.PLANNER).statusCode());
    assertEquals(200, get(ruled, "/collections/buildings/items?sortby=-" + HIDDEN_PROPERTY, Audience.PLANNER)
        .statusCode());
  }

  /** The public gets for the hidden name what it gets for a name that does not exist, and planners no error. */
  private static void assertSameRefusal(String template, String hidden) throws Exception {
    HttpResponse<byte[]> refused = get(ruled, String.format(template, hidden), Audience.PUBLIC);
    HttpResponse<byte[]> unknown = get(ruled, String.format(template, UNKNOWN), Audience.PUBLIC);
    String path = String.format(template, hidden);
    assertAll(path, () -> assertTrue(refused.statusCode() >= 400, path),
        () -> assertEquals(unknown.statusCode(), refused.statusCode(), path),
        () -> assertEquals(description(unknown), description(refused).replace(hidden, UNKNOWN), path),
        () -> assertTrue(get(ruled, path, Audience.PLANNER).statusCode() < 400, path));
  }

  @Test
  void eachAudienceListsTheCollectionsAndPropertiesItSees() throws Exception {
    List<String> visible = List.of("districts", "buildings");
    List<String> everything = List.of("districts", HIDDEN_COLLECTION, "buildings");
    assertEquals(visible, ids(json(ruled, "/collections", Audience.PUBLIC).path("collections"), "id"));
    assertEquals(everything, ids(json(ruled, "/collections", Audience.PLANNER).path("collections"), "id"));
    assertEquals(visible, ids(json(ruled, "/tiles/WebMercatorQuad", Audience.PUBLIC).path("layers"), "id"));
    assertEquals(everything, ids(json(ruled, "/tiles/WebMercatorQuad", Audience.PLANNER).path("layers"), "id"));
    JsonNode publicTileJson = json(ruled, "/tiles/WebMercatorQuad/tilejson", Audience.PUBLIC);
    assertEquals(visible, ids(publicTileJson.path("vector_layers"), "id"));
    assertEquals(everything, ids(json(ruled, "/tiles/WebMercatorQuad/tilejson", Audience.PLANNER)
        .path("vector_layers"), "id"));
    assertEquals(visible, sourceLayers(json(ruled, "/tiles/WebMercatorQuad/style", Audience.PUBLIC)));
    assertEquals(everything, sourceLayers(json(ruled, "/tiles/WebMercatorQuad/style", Audience.PLANNER)));

    Set<String> all = buildings.properties().stream().map(Property::name).collect(Collectors.toSet());
    Set<String> shown = new TreeSet<>(all);
    shown.remove(HIDDEN_PROPERTY);
    assertEquals(shown, names(publicTileJson.path("vector_layers").get(1).path("fields")));
    for (String document : List.of("queryables", "schema", "sortables")) {
      String path = "/collections/buildings/" + document;
      Set<String> publics = names(json(ruled, path, Audience.PUBLIC).path("properties"));
      Set<String> planners = names(json(ruled, path, Audience.PLANNER).path("properties"));
      assertFalse(publics.contains(HIDDEN_PROPERTY), path);
      planners.remove(HIDDEN_PROPERTY);
      assertEquals(planners, publics, path + ": only the hidden property is missing");
    }
    assertEquals(List.of("id", "height_m", "storeys", "year_built", "function", "district", "last_renovation",
        "street", "house_number", "building_type", "energy_carrier", "heating_system"),
        columns(ruled, Audience.PUBLIC));
    assertTrue(columns(ruled, Audience.PLANNER).contains(HIDDEN_PROPERTY));
    String collectionsPage = text(get(ruled, "/collections?f=html", Audience.PLANNER));
    assertTrue(collectionsPage.contains("/collections/" + HIDDEN_COLLECTION), collectionsPage);
  }

  @Test
  void theApiDocumentDescribesOnlyWhatTheCallerSees() throws Exception {
    JsonNode publics = json(ruled, "/api", Audience.PUBLIC);
    JsonNode planners = json(ruled, "/api", Audience.PLANNER);
    assertFalse(names(publics.path("paths")).stream().anyMatch(path -> path.contains(HIDDEN_COLLECTION)));
    assertTrue(names(planners.path("paths")).contains("/collections/" + HIDDEN_COLLECTION + "/items"));
    assertEquals(List.of("Capabilities", "Tiles", "districts", "buildings"), ids(publics.path("tags"), "name"));
    String items = "/collections/buildings/items";
    assertFalse(ids(publics.path("paths").path(items).path("get").path("parameters"), "name")
        .contains(HIDDEN_PROPERTY));
    assertTrue(ids(planners.path("paths").path(items).path("get").path("parameters"), "name")
        .contains(HIDDEN_PROPERTY));
    String properties = "properties_buildings";
    assertFalse(names(publics.path("components").path("schemas").path(properties).path("properties"))
        .contains(HIDDEN_PROPERTY));
    assertTrue(names(planners.path("components").path("schemas").path(properties).path("properties"))
        .contains(HIDDEN_PROPERTY));
    // the YAML form is the same document
    String yaml = text(get(ruled, "/api?f=yaml", Audience.PLANNER));
    assertTrue(yaml.contains(HIDDEN_PROPERTY) && yaml.contains("/collections/" + HIDDEN_COLLECTION + ":"));
  }

  @Test
  void responsesOfAViewVaryByCredentialsAndArePrivateToCallersWithThem() throws Exception {
    String tile = "/collections/buildings/tiles/WebMercatorQuad/" + centreTile(HEIGHTS_ZOOM);
    HttpResponse<byte[]> publicList = get(ruled, "/collections", Audience.PUBLIC);
    assertTrue(vary(publicList).containsAll(List.of("authorization", "x-api-key")), vary(publicList).toString());
    assertEquals("", cacheControl(publicList), "the public's copies stay shareable");
    assertEquals("private", cacheControl(get(ruled, "/collections", Audience.PLANNER)));
    HttpResponse<byte[]> publicTile = get(ruled, tile, Audience.PUBLIC);
    assertEquals("max-age=60", cacheControl(publicTile));
    assertTrue(vary(publicTile).containsAll(List.of("accept-encoding", "authorization", "x-api-key")));
    HttpResponse<byte[]> plannerTile = get(ruled, tile, Audience.PLANNER);
    assertEquals("private, max-age=60", cacheControl(plannerTile));
    assertEquals(vary(publicTile), vary(plannerTile));
    HttpResponse<byte[]> revalidated = get(ruled, tile, Audience.PLANNER, "If-None-Match", etag(plannerTile));
    assertEquals(304, revalidated.statusCode());
    assertEquals("private, max-age=60", cacheControl(revalidated));
    assertTrue(vary(get(ruled, "/collections/" + HIDDEN_COLLECTION, Audience.PUBLIC)).contains("x-api-key"),
        "a 404 of a hidden collection is one audience's answer too");

    assertTrue(vary(get(ruled, "/?f=html", Audience.PUBLIC)).contains("x-api-key"), "the landing page maps the view");
    for (String path : List.of("/conformance", "/tileMatrixSets", "/health", "/assets/urbis/urbis.css")) {
      HttpResponse<byte[]> same = get(ruled, path, Audience.PLANNER);
      assertEquals(200, same.statusCode(), path);
      assertFalse(vary(same).contains("x-api-key"), path + " is the same for every caller");
      assertFalse(cacheControl(same).contains("private"), path);
    }

    HttpResponse<byte[]> wrongKey = send(ruled, "/collections", "X-API-Key", "not-a-key");
    assertEquals(401, wrongKey.statusCode());
    assertEquals("private", cacheControl(wrongKey));
    assertEquals(401, get(ruled, "/metrics", Audience.PUBLIC).statusCode());
    assertEquals("private", cacheControl(get(ruled, "/metrics", Audience.PUBLIC)));
    HttpResponse<byte[]> forbidden = get(ruled, "/metrics", Audience.PLANNER);
    assertEquals(403, forbidden.statusCode());
    assertEquals("private", cacheControl(forbidden));
  }

  @Test
  void withoutRulesTheHeadersAreAsBefore() throws Exception {
    String tile = "/collections/buildings/tiles/WebMercatorQuad/" + centreTile(HEIGHTS_ZOOM);
    for (Audience audience : Audience.values()) {
      HttpResponse<byte[]> list = get(open, "/collections", audience);
      assertFalse(vary(list).contains("x-api-key"), audience.name());
      assertEquals("", cacheControl(list), audience.name());
      HttpResponse<byte[]> tiled = get(open, tile, audience);
      assertTrue(vary(tiled).contains("accept-encoding"), audience.name());
      assertFalse(vary(tiled).contains("authorization"), audience.name());
      assertEquals("max-age=60", cacheControl(tiled), audience.name());
    }
  }

  @Test
  void audiencesNeverShareAnETagAndTheWholeDataKeepsItsOwn() throws Exception {
    for (String path : List.of("/collections/buildings/tiles",
        "/collections/buildings/tiles/WebMercatorQuad/" + centreTile(HEIGHTS_ZOOM))) {
      HttpResponse<byte[]> publics = get(ruled, path, Audience.PUBLIC);
      HttpResponse<byte[]> planners = get(ruled, path, Audience.PLANNER);
      assertArrayEquals(publics.body(), planners.body(), path + " holds nothing hidden");
      assertNotEquals(etag(publics), etag(planners), path);
      assertEquals(200, get(ruled, path, Audience.PUBLIC, "If-None-Match", etag(planners)).statusCode(), path);
      assertEquals(304, get(ruled, path, Audience.PUBLIC, "If-None-Match", etag(publics)).statusCode(), path);
    }
    for (String path : List.of("/", "/?f=html", "/collections", "/api", "/tiles/WebMercatorQuad/tilejson",
        "/collections/buildings/queryables", "/collections/buildings/items/1")) {
      String planners = etag(get(ruled, path, Audience.PLANNER));
      assertNotEquals(planners, etag(get(ruled, path, Audience.PUBLIC)), path);
      assertEquals(200, get(ruled, path, Audience.PUBLIC, "If-None-Match", planners).statusCode(), path);
    }
    // a collection every audience sees whole keeps the tag of its bytes, as without rules
    HttpResponse<byte[]> districts = get(ruled, "/collections/districts", Audience.PUBLIC);
    assertEquals("\"" + sha256(districts.body()) + "-json\"", etag(districts));
    assertEquals(etag(districts), etag(get(ruled, "/collections/districts", Audience.PLANNER)));
    // without rules a document's tag is its bytes' hash and a tile's that of its bytes, as before
    HttpResponse<byte[]> list = get(open, "/collections", Audience.PLANNER);
    assertEquals("\"" + sha256(list.body()) + "-json\"", etag(list));
    HttpResponse<byte[]> tile = get(open, "/collections/buildings/tiles/WebMercatorQuad/" + centreTile(FULL_ZOOM),
        Audience.PUBLIC);
    assertEquals("\"" + sha256(tile.body()) + "\"", etag(tile));
  }

  private static String centreTile(int zoom) {
    return VectorTileCacheTest.centreTile(buildings, zoom);
  }

  private static HttpResponse<byte[]> get(UrbisServer server, String path, Audience audience, String... headers)
      throws Exception {
    List<String> all = new ArrayList<>(List.of(headers));
    if (audience.key != null) {
      all.addAll(List.of("X-API-Key", audience.key));
    }
    return send(server, path, all.toArray(String[]::new));
  }

  private static HttpResponse<byte[]> send(UrbisServer server, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The status line's code, every header and the body, bytes as Latin-1 so that tiles' strings show too. */
  private static String everything(HttpResponse<byte[]> response) {
    return response.statusCode() + "\n" + response.headers().map() + "\n"
        + new String(response.body(), StandardCharsets.ISO_8859_1);
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static JsonNode json(UrbisServer server, String path, Audience audience) throws Exception {
    HttpResponse<byte[]> response = get(server, path, audience);
    assertEquals(200, response.statusCode(), path);
    return JSON.readTree(response.body());
  }

  private static String description(HttpResponse<byte[]> response) throws Exception {
    return JSON.readTree(response.body()).path("description").asText();
  }

  /** The {@code member} of each element of an array. */
  private static List<String> ids(JsonNode array, String member) {
    List<String> ids = new ArrayList<>();
    array.forEach(element -> ids.add(element.path(member).asText()));
    return ids;
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The source layers a style draws, each once, in drawing order. */
  private static List<String> sourceLayers(JsonNode style) {
    return ids(style.path("layers"), "source-layer").stream().filter(id -> !id.isEmpty()).distinct().toList();
  }

  /** The first group of each match of {@code pattern} in {@code text}, in order. */
  private static List<String> matches(Pattern pattern, String text) {
    List<String> groups = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      groups.add(matcher.group(1));
    }
    return groups;
  }

  /** The column headers of the buildings' HTML items page. */
  private static List<String> columns(UrbisServer server, Audience audience) throws Exception {
    String page = text(get(server, "/collections/buildings/items?f=html&limit=1", audience));
    Matcher head = Pattern.compile("<thead><tr>(.*?)</tr></thead>").matcher(page);
    assertTrue(head.find(), page);
    return matches(Pattern.compile("<th>(.*?)</th>"), head.group(1));
  }

  /** The names a response's {@code Vary} headers list, in lower case. */
  private static Set<String> vary(HttpResponse<?> response) {
    Set<String> names = new TreeSet<>();
    for (String value : response.headers().allValues("Vary")) {
      for (String name : value.split(",")) {
        names.add(name.strip().toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  private static String cacheControl(HttpResponse<?> response) {
    return String.join(", ", response.headers().allValues("Cache-Control"));
  }

  private static String etag(HttpResponse<?> response) {
    return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag: " + response));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
  }
}
