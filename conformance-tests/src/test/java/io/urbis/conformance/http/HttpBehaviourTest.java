package io.urbis.conformance.http;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.FeaturePages;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.Links;
import io.urbis.conformance.support.MediaTypes;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.Urbis;
import io.urbis.conformance.support.UrbisTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HTTP behaviour Urbis promises beyond Part 1: caching, compression, CORS, proxies, negotiation. Forwarding headers
 * count only from a configured proxy: the shared servers trust none, the proxied ones are started with the test
 * client's loopback addresses as trusted proxies.
 */
@UrbisTest
@DisplayName("HTTP behaviour")
class HttpBehaviourTest {

  /** The test client's addresses, which the proxied servers trust. */
  private static final String LOOPBACK = "127.0.0.1,::1";
  private static final String[] X_FORWARDED = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "maps.example.org",
      "X-Forwarded-Prefix", "/geo"};
  private static final String[] FORWARDED = {"Forwarded", "for=192.0.2.60;proto=https;host=\"maps.example.org:8443\"",
      "X-Forwarded-Prefix", "/geo"};

  private final Api api;

  HttpBehaviourTest(Api api) {
    this.api = api;
  }

  @Test
  @DisplayName("an unchanged resource answers If-None-Match with 304 and no body")
  void etagRevalidation() {
    List<String> cacheable = List.of("/", "/conformance", "/api", "/collections", "/collections/buildings",
        Layer.BUILDINGS.items() + "/1", FeaturePages.path(api, Layer.POI, "poi-0001"));
    assertAll(cacheable.stream().map(path -> () -> {
      Reply first = api.get(path, "Accept", MediaTypes.JSON_OR_GEOJSON);
      String etag = first.header("ETag").orElseThrow(() -> new AssertionError(path + ": no ETag"));
      Reply again = api.get(path, "Accept", MediaTypes.JSON_OR_GEOJSON, "If-None-Match", etag);
      assertEquals(304, again.status(), again::describe);
      assertEquals(0, again.body().length, path + ": a 304 has no body");
      Reply changed = api.get(path, "Accept", MediaTypes.JSON_OR_GEOJSON, "If-None-Match", "\"something-else\"");
      assertEquals(200, changed.status(), changed::describe);
    }));
  }

  @Test
  @DisplayName("the JSON and the HTML representation have different ETags")
  void etagPerRepresentation() {
    String path = Layer.BUILDINGS.items() + "/1";
    String json = api.get(path, "Accept", MediaTypes.GEOJSON).header("ETag").orElse("(none)");
    String html = api.get(path, "Accept", MediaTypes.HTML).header("ETag").orElse("(none)");
    assertNotEquals(json, html, path + ": one ETag for two representations");
  }

  @Test
  @DisplayName("Accept-Encoding: gzip compresses, and the content is the same")
  void gzip() {
    String path = Layer.BUILDINGS.items() + "?limit=500";
    Reply plain = api.get(path, "Accept", MediaTypes.GEOJSON);
    Reply compressed = api.get(path, "Accept", MediaTypes.GEOJSON, "Accept-Encoding", "gzip");
    assertEquals(200, compressed.status(), compressed::describe);
    assertEquals("gzip", compressed.header("Content-Encoding").orElse(""), "Content-Encoding");
    assertTrue(compressed.body().length < plain.body().length, "gzip made it no smaller");
    JsonNode unzipped = Json.parse(gunzip(compressed.body()));
    assertEquals(plain.json().path("features"), unzipped.path("features"));
  }

  @Test
  @DisplayName("a request with Origin gets Access-Control-Allow-Origin")
  void cors() {
    assertAll(List.of("/", "/collections", Layer.POI.items()).stream().map(path -> () -> {
      Reply reply = api.get(path, "Origin", "https://viewer.example.org");
      assertEquals(200, reply.status(), reply::describe);
      String allowed = reply.header("Access-Control-Allow-Origin")
          .orElseThrow(() -> new AssertionError(path + ": no Access-Control-Allow-Origin"));
      assertTrue(allowed.equals("*") || allowed.equals("https://viewer.example.org"), "allowed origin " + allowed);
    }));
  }

  @Test
  @DisplayName("forwarding headers from a client that is no configured proxy change no link")
  void forwardedHeadersFromAnyClientAreIgnored() {
    assertLinksStartWith(api, api.base().toString(), X_FORWARDED);
    assertLinksStartWith(api, api.base().toString(), FORWARDED);
  }

  @Test
  @DisplayName("behind a configured proxy, links honour X-Forwarded-Proto, -Host and -Prefix, and Forwarded")
  void forwardedHeadersFromATrustedProxy(Urbis urbis) {
    Api behindProxy = urbis.api(api.source(), "--trusted-proxies", LOOPBACK);
    assertLinksStartWith(behindProxy, "https://maps.example.org/geo/", X_FORWARDED);
    assertLinksStartWith(behindProxy, "https://maps.example.org:8443/geo/", FORWARDED);
  }

  @Test
  @DisplayName("with --public-url every link starts with it, whatever a proxy forwards")
  void publicUrl(Urbis urbis) {
    String publicUrl = "https://city.example.net/ogc/";
    Api configured = urbis.api(api.source(), "--public-url", publicUrl, "--trusted-proxies", LOOPBACK);
    assertLinksStartWith(configured, publicUrl);
    assertLinksStartWith(configured, publicUrl, X_FORWARDED);
    assertEquals(publicUrl.substring(0, publicUrl.length() - 1),
        configured.json("/api?f=json").path("servers").path(0).path("url").asText());
  }

  /** Every link of the landing page, the collections and a page of features starts with {@code base}. */
  private static void assertLinksStartWith(Api server, String base, String... headers) {
    List<String> request = new ArrayList<>(List.of(headers));
    request.addAll(List.of("Accept", MediaTypes.JSON_OR_GEOJSON));
    assertAll(List.of("/", "/collections", Layer.POI.items() + "?limit=5").stream().map(path -> () -> {
      JsonNode document = server.get(path, request.toArray(String[]::new)).json();
      Links.all(document).forEach(link -> assertTrue(link.path("href").asText().startsWith(base),
          path + " with " + request + ": link not at " + base + ": " + link));
      String self = base + path.substring(1).replaceAll("\\?.*", "");
      assertTrue(Links.href(document, "self").orElse("").startsWith(self),
          path + ": self link " + Links.href(document, "self"));
    }));
  }

  @Test
  @DisplayName("f= takes precedence over Accept")
  void formatParameterBeforeAccept() {
    assertAll(
        () -> assertEquals(MediaTypes.JSON, api.get("/collections?f=json", "Accept", MediaTypes.HTML).mediaType()),
        () -> assertEquals(MediaTypes.HTML, api.get("/collections?f=html", "Accept", MediaTypes.JSON).mediaType()),
        () -> assertEquals(MediaTypes.GEOJSON, api.get(Layer.POI.items() + "?f=json", "Accept", MediaTypes.HTML)
            .mediaType()));
  }

  @Test
  @DisplayName("the OpenAPI document in YAML says what the JSON says")
  void openApiAsYaml() {
    Reply yaml = api.get("/api?f=yaml");
    assertEquals(200, yaml.status(), yaml::describe);
    assertTrue(yaml.mediaType().contains("yaml") || yaml.mediaType().equals("application/vnd.oai.openapi"),
        "Content-Type of the YAML document: " + yaml.mediaType());
    assertEquals(api.json("/api?f=json"), Json.parseYaml(yaml.body()));
  }

  private static byte[] gunzip(byte[] body) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("not gzip", e);
    }
  }
}
