package io.urbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.api.ApiSettings;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.demo.DemoCity;
import io.urbis.server.UrbisServer;
import io.urbis.source.FeatureSource;
import io.urbis.source.SourceSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two GeoPackages served by one in-process server: id collisions, request ids, readiness. */
class ServedCatalogTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path folder;
  private static final List<FeatureSource> SOURCES = new ArrayList<>();
  private static UrbisServer server;

  @BeforeAll
  static void serveTwoCopiesOfTheDemoCity() throws Exception {
    Path first = DemoCity.ensure(folder.resolve("east.gpkg"));
    Path second = Files.copy(first, folder.resolve("west.gpkg"));
    CatalogBuilder catalog = new CatalogBuilder();
    for (Path file : List.of(first, second)) {
      FeatureSource source = Sources.open(file.toString(), SourceSettings.DEFAULTS, List.of());
      SOURCES.add(source);
      catalog.add(Sources.shortName(file.toString()), source);
    }
    ApiSettings api = new ApiSettings("Twin towns", "Two demo cities", 10, 100);
    server = InProcessServer.start(api, catalog.build(), SOURCES);
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    SOURCES.forEach(FeatureSource::close);
  }

  @Test
  void aCollidingIdIsPrefixedWithItsSourceName() throws Exception {
    List<String> ids = new ArrayList<>();
    json(get("/collections")).path("collections").forEach(c -> ids.add(c.path("id").asText()));
    assertEquals(List.of("districts", "streets", "buildings", "west_districts", "west_streets", "west_buildings"),
        ids);
    assertEquals(200, get("/collections/west_buildings/items?limit=1").statusCode());
  }

  @Test
  void metricsCountRequestsByRouteTemplateAndStatus() throws Exception {
    String route = "route=\"/collections/{collectionId}/items\"";
    long before = requestsOn(metrics(), route);
    get("/collections/districts/items?limit=1");
    get("/collections/west_streets/items?limit=2");
    String metrics = metrics();
    assertEquals(before + 2, requestsOn(metrics, route), metrics);
    assertTrue(metrics.contains("urbis_http_request_duration_seconds_count{method=\"GET\"," + route
        + ",status=\"200\"}"), metrics);
  }

  private static String metrics() throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri("/metrics")).header("X-API-Key", InProcessServer.OPERATOR_KEY)
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The value of {@code urbis_http_requests_total} for GET on the route with status 200, 0 when absent. */
  private static long requestsOn(String metrics, String route) {
    String series = "urbis_http_requests_total{method=\"GET\"," + route + ",status=\"200\"} ";
    return metrics.lines().filter(line -> line.startsWith(series))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(series.length()).trim())).sum();
  }

  @Test
  void everyResponseCarriesARequestIdAndErrorsQuoteIt() throws Exception {
    HttpResponse<String> missing = get("/collections/nowhere");
    String id = missing.headers().firstValue("X-Request-Id").orElse(null);
    assertNotNull(id);
    assertEquals(404, missing.statusCode());
    assertEquals(id, json(missing).path("requestId").asText());
  }

  @Test
  void queryablesListEveryPropertyAndTheGeometryAsJsonSchema() throws Exception {
    assertEquals(200, get("/collections/buildings").statusCode(), "the collection itself stays reachable");
    HttpResponse<String> response = get("/collections/buildings/queryables");
    assertEquals("application/schema+json", response.headers().firstValue("Content-Type").orElseThrow());
    JsonNode queryables = json(response);
    assertEquals("https://json-schema.org/draft/2020-12/schema", queryables.path("$schema").asText());
    assertEquals("geometry-polygon", queryables.path("properties").path("geom").path("format").asText());
    assertEquals("number", queryables.path("properties").path("height_m").path("type").asText());
    assertEquals("date", queryables.path("properties").path("last_renovation").path("format").asText());
    assertTrue(queryables.path("additionalProperties").isBoolean());
  }

  @Test
  void theSchemaMarksIdGeometryAndTimeByRole() throws Exception {
    JsonNode properties = json(get("/collections/buildings/schema")).path("properties");
    assertEquals("id", properties.path("fid").path("x-ogc-role").asText());
    assertEquals("primary-geometry", properties.path("geom").path("x-ogc-role").asText());
    assertEquals("primary-instant", properties.path("last_renovation").path("x-ogc-role").asText());
  }

  @Test
  void eachJsonSchemaDocumentRevalidatesRefusesWhatItIsNotAndCountsOnItsOwnRoute() throws Exception {
    for (String document : List.of("queryables", "schema", "sortables")) {
      String path = "/collections/buildings/" + document;
      String route = "route=\"/collections/{collectionId}/" + document + "\"";
      long before = requestsOn(metrics(), route);
      String etag = get(path).headers().firstValue("ETag").orElseThrow();
      HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(uri(path)).header("If-None-Match", etag).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(304, again.statusCode(), path);
      assertEquals(before + 1, requestsOn(metrics(), route), path);
      assertEquals("InvalidParameterValue", json(get(path + "?f=html")).path("code").asText(), path);
      assertEquals(404, get("/collections/nowhere/" + document).statusCode(), path);
    }
  }

  @Test
  void aCql2FilterSelectsOnTheGeoPackageToo() throws Exception {
    String filter = URLEncoder.encode("storeys >= 3 AND function = 'commercial'", StandardCharsets.UTF_8);
    JsonNode page = json(get("/collections/buildings/items?limit=100&filter=" + filter));
    assertTrue(page.path("numberReturned").asInt() > 0, page.toString());
    for (JsonNode feature : page.path("features")) {
      assertTrue(feature.path("properties").path("storeys").asInt() >= 3);
      assertEquals("commercial", feature.path("properties").path("function").asText());
    }
    String json = URLEncoder.encode("{\"op\":\">=\",\"args\":[{\"property\":\"storeys\"},3]}",
        StandardCharsets.UTF_8);
    JsonNode same = json(get("/collections/buildings/items?limit=1&filter-lang=cql2-json&filter=" + json));
    assertEquals(1, same.path("numberReturned").asInt());
  }

  @Test
  void aMalformedFilterIsABadRequestThatSaysWhere() throws Exception {
    HttpResponse<String> response = get("/collections/buildings/items?filter="
        + URLEncoder.encode("storeys >= AND", StandardCharsets.UTF_8));
    assertEquals(400, response.statusCode());
    assertTrue(json(response).path("description").asText().contains("position"), response.body());
  }

  @Test
  void propertySelectionAndSkipGeometryShapeEachFeature() throws Exception {
    JsonNode page = json(get("/collections/buildings/items?limit=5&properties=storeys,function&skipGeometry=true"));
    assertEquals(5, page.path("features").size());
    for (JsonNode feature : page.path("features")) {
      assertTrue(feature.path("geometry").isNull(), feature.toString());
      List<String> names = new ArrayList<>();
      feature.path("properties").fieldNames().forEachRemaining(names::add);
      assertEquals(List.of("storeys", "function"), names);
    }
    assertEquals(400, get("/collections/buildings/items?properties=storeys,colour").statusCode());
    assertEquals(400, get("/collections/buildings/items?skipGeometry=maybe").statusCode());
  }

  @Test
  void sortedPagesFollowTheOrderAndEndWithEveryFeatureOnce() throws Exception {
    String next = "/collections/districts/items?limit=3&sortby=-population";
    List<Double> populations = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    while (next != null) {
      JsonNode page = json(get(next));
      page.path("features").forEach(feature -> {
        populations.add(feature.path("properties").path("population").asDouble());
        ids.add(feature.path("id").asText());
      });
      next = null;
      for (JsonNode link : page.path("links")) {
        if (link.path("rel").asText().equals("next")) {
          next = link.path("href").asText().substring(("http://127.0.0.1:" + server.port()).length());
        }
      }
    }
    assertEquals(8, ids.size());
    assertEquals(8, ids.stream().distinct().count());
    for (int i = 1; i < populations.size(); i++) {
      assertTrue(populations.get(i - 1) >= populations.get(i), populations.toString());
    }
    assertEquals(400, get("/collections/districts/items?sortby=nope").statusCode());
    assertEquals("number", json(get("/collections/districts/sortables")).path("properties").path("population")
        .path("type").asText().replace("integer", "number"));
  }

  @Test
  void optionsListsTheMethodsOfItemsAndItem() throws Exception {
    for (String path : List.of("/collections/buildings/items", "/collections/buildings/items/1")) {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path))
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      assertTrue(response.headers().firstValue("Allow").orElse("").contains("GET"), path);
    }
  }

  @Test
  void readinessAsksEverySource() throws Exception {
    assertEquals(200, get("/ready").statusCode());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }
}
