package io.urbis;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} and the detail of {@code /ready} are for callers with the operator role; {@code /health} and the
 * bare readiness status stay public for load balancers.
 */
class OperationsEndpointsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path folder;
  private static FeatureSource source;
  private static UrbisServer server;

  @BeforeAll
  static void serveTheDemoCity() throws Exception {
    source = Sources.open(DemoCity.ensure(folder.resolve("city.gpkg")).toString(), SourceSettings.DEFAULTS,
        List.of());
    server = InProcessServer.start(new ApiSettings("City", "", 10, 100),
        new CatalogBuilder().add("city", source).build(), List.of(source));
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    source.close();
  }

  @Test
  void operatorsScrapePrometheusText() throws Exception {
    get("/collections", null);
    HttpResponse<String> response = get("/metrics", InProcessServer.OPERATOR_KEY);
    assertEquals(200, response.statusCode());
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    assertTrue(contentType.startsWith("text/plain") && contentType.contains("version=0.0.4"), contentType);
    assertTrue(response.body().contains("# TYPE urbis_http_requests_total counter"), response.body());
  }

  @Test
  void anonymousScrapersAreAskedForAKey() throws Exception {
    HttpResponse<String> response = get("/metrics", null);
    assertRefused(response, 401, "Unauthorized");
    assertEquals("ApiKey header=\"X-API-Key\"", response.headers().firstValue("WWW-Authenticate").orElse(null));
  }

  @Test
  void callersWithoutTheOperatorRoleAreForbidden() throws Exception {
    HttpResponse<String> response = get("/metrics", InProcessServer.PLANNER_KEY);
    assertRefused(response, 403, "Forbidden");
    assertFalse(response.headers().firstValue("WWW-Authenticate").isPresent(), "credentials do not help");
  }

  @Test
  void livenessIsPublic() throws Exception {
    for (String key : new String[] {null, InProcessServer.PLANNER_KEY, InProcessServer.OPERATOR_KEY}) {
      HttpResponse<String> response = get("/health", key);
      assertEquals(200, response.statusCode());
      assertEquals("UP", JSON.readTree(response.body()).path("status").asText());
    }
  }

  @Test
  void everybodyLearnsReadinessOnlyOperatorsWhatWasAsked() throws Exception {
    assertAll(
        () -> assertBareReadiness(get("/ready", null)),
        () -> assertBareReadiness(get("/ready", InProcessServer.PLANNER_KEY)),
        () -> {
          HttpResponse<String> response = get("/ready", InProcessServer.OPERATOR_KEY);
          assertEquals(200, response.statusCode());
          JsonNode body = JSON.readTree(response.body());
          assertEquals("READY", body.path("status").asText());
          assertFalse(body.path("version").asText().isEmpty(), response.body());
          assertEquals(source.label(), body.path("sources").path(0).path("source").asText(), response.body());
          assertEquals("READY", body.path("sources").path(0).path("status").asText(), response.body());
        });
  }

  private static void assertBareReadiness(HttpResponse<String> response) throws Exception {
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    JsonNode body = JSON.readTree(response.body());
    Set<String> fields = new TreeSet<>();
    body.fieldNames().forEachRemaining(fields::add);
    assertEquals(Set.of("status"), fields, response.body());
    assertEquals("READY", body.path("status").asText());
  }

  private static void assertRefused(HttpResponse<String> response, int status, String code) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    JsonNode body = JSON.readTree(response.body());
    assertEquals(code, body.path("code").asText(), response.body());
    assertFalse(response.body().contains("urbis_http"), "no metric leaks into the refusal");
  }

  private static HttpResponse<String> get(String path, String apiKey) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
