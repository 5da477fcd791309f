package io.urbis;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.PlainJWT;
import io.urbis.access.AccessPolicy;
import io.urbis.api.ApiSettings;
import io.urbis.api.CatalogDatasets;
import io.urbis.config.AccessConfig;
import io.urbis.config.CatalogConfig;
import io.urbis.config.EditingConfig;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.demo.DemoCity;
import io.urbis.security.ApiKeys;
import io.urbis.security.Authentication;
import io.urbis.security.BearerTokens;
import io.urbis.security.Caller;
import io.urbis.security.Operators;
import io.urbis.security.TestIdentityProvider;
import io.urbis.server.UrbisServer;
import io.urbis.source.FeatureSource;
import io.urbis.source.SourceSettings;
import io.urbis.tiles.TileSettings;
import io.urbis.tiles3d.Tiles3dService;
import io.urbis.tiles3d.Tiles3dSettings;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request of the served application is authenticated: anonymous callers and valid keys and tokens are served,
 * a bad key or token is a 401 with its challenge and an OGC exception on every endpoint, never the public's view.
 */
class AuthenticationServedTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PLANNING_KEY = "5b0e2c7d9f1a3b4c6d8e0f2a4b6c8d0e";
  private static final List<String> ENDPOINTS = List.of("/?f=json", "/conformance", "/api?f=json", "/collections",
      "/collections/buildings", "/collections/buildings/items?limit=1", "/collections/buildings/items/1",
      "/collections/buildings/queryables", "/collections/buildings/tiles/WebMercatorQuad", "/tileMatrixSets",
      "/collections/buildings/items?limit=1&f=html");
  private static final String CALLER = "/test-only/caller";

  @TempDir static java.nio.file.Path folder;
  private static TestIdentityProvider provider;
  private static FeatureSource source;
  private static UrbisServer server;

  /** Not part of Urbis: shows a resource the caller the filter resolved. */
  @Path(CALLER)
  public static final class CallerResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String caller(@Context ContainerRequestContext request) {
      Caller caller = Caller.from(request);
      return caller.name() + " " + new TreeSet<>(caller.roles());
    }
  }

  @BeforeAll
  static void serveTheDemoCityWithKeysAndTokens() throws Exception {
    provider = new TestIdentityProvider();
    source = Sources.open(DemoCity.ensure(folder.resolve("city.gpkg")).toString(), SourceSettings.DEFAULTS,
        List.of());
    Catalog catalog = new CatalogBuilder().add("city", source).build();
    Authentication authentication = new Authentication(new ApiKeys(List.of(new ApiKeys.Entry("planning-office",
        ApiKeys.sha256(PLANNING_KEY), Set.of("planner")))), new BearerTokens(provider.settings()));
    ResourceConfig application = UrbisApplication.create(new ApiSettings("City", "", 10, 100), TileSettings.DEFAULTS,
        new Tiles3dService(Tiles3dSettings.DEFAULTS), AccessPolicy.of(AccessConfig.OPEN, catalog), List.of(source), authentication,
        Operators.DEFAULT_ROLE, EditingConfig.DEFAULTS, CatalogDatasets.of(CatalogConfig.DEFAULTS, "City", "",
        new Tiles3dService(Tiles3dSettings.DEFAULTS)));
    application.register(CallerResource.class);
    server = new UrbisServer("127.0.0.1", 0, application);
    server.start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    source.close();
    provider.close();
  }

  @Test
  void anonymousCallersAndValidKeysAndTokensAreServed() throws Exception {
    String token = provider.token("alice", "planner");
    assertAll(ENDPOINTS.stream().flatMap(endpoint -> List.of(new String[0], new String[] {"X-API-Key", PLANNING_KEY},
        new String[] {"Authorization", "Bearer " + token}, new String[] {"Authorization", "Basic dXJiaXM6dXJiaXM="})
        .stream().map(headers -> () -> assertEquals(200, get(endpoint, headers).statusCode(), endpoint))));
  }

  @Test
  void resourcesSeeTheCallerAndItsRoles() throws Exception {
    assertAll(
        () -> assertEquals("anonymous [public]", get(CALLER).body()),
        () -> assertEquals("planning-office [planner]", get(CALLER, "X-API-Key", PLANNING_KEY).body()),
        () -> assertEquals("alice [energy, planner]", get(CALLER, "Authorization",
            "bearer " + provider.token("alice", "planner", "energy")).body()));
  }

  @Test
  void aBadTokenIsA401WithItsChallengeOnEveryEndpoint() throws Exception {
    long now = System.currentTimeMillis();
    String expired = TestIdentityProvider.sign(provider.rsa(), provider.claims("alice", "planner")
        .notBeforeTime(new Date(now - 900_000)).expirationTime(new Date(now - 600_000)).build());
    String unsecured = new PlainJWT(provider.claims("mallory", "planner").build()).serialize();
    for (String token : List.of(expired, unsecured, "garbage", "")) {
      assertAll(ENDPOINTS.stream().map(endpoint -> () -> {
        HttpResponse<String> response = get(endpoint, "Authorization", "Bearer " + token);
        assertUnauthorized(response, "Bearer error=\"invalid_token\"", endpoint);
        if (!token.isEmpty()) {
          assertFalse(response.body().contains(token), "the token is not repeated");
        }
      }));
    }
  }

  @Test
  void aWrongApiKeyIsA401WithItsChallenge() {
    for (String key : List.of(PLANNING_KEY + "x", "", ApiKeys.sha256Hex(PLANNING_KEY))) {
      assertAll(ENDPOINTS.stream().map(endpoint -> () -> assertUnauthorized(get(endpoint, "X-API-Key", key),
          "ApiKey header=\"X-API-Key\"", endpoint)));
    }
  }

  @Test
  void aKeyAndATokenTogetherAreA400() throws Exception {
    HttpResponse<String> response = get("/collections", "X-API-Key", PLANNING_KEY, "Authorization",
        "Bearer " + provider.token("alice", "planner"));
    assertEquals(400, response.statusCode());
    assertEquals("InvalidRequest", JSON.readTree(response.body()).path("code").asText());
  }

  @Test
  void browsersMaySendKeysAndTokensFromOtherOrigins() {
    HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(base() + "/collections"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://map.example.org")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "authorization,x-api-key"));
    String allowed = preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase();
    assertTrue(allowed.contains("authorization") && allowed.contains("x-api-key"), allowed);
  }

  private static void assertUnauthorized(HttpResponse<String> response, String challenge, String endpoint)
      throws IOException {
    assertEquals(401, response.statusCode(), endpoint);
    assertEquals(challenge, response.headers().firstValue("WWW-Authenticate").orElse(null), endpoint);
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), endpoint);
    JsonNode body = JSON.readTree(response.body());
    assertEquals("Unauthorized", body.path("code").asText(), endpoint);
    assertFalse(body.path("description").asText().isBlank(), endpoint);
  }

  private static String base() {
    return "http://127.0.0.1:" + server.port();
  }

  private static HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
