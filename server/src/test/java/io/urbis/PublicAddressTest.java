package io.urbis;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.api.ApiSettings;
import io.urbis.api.TrustedProxies;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.demo.DemoCity;
import io.urbis.server.UrbisServer;
import io.urbis.source.FeatureSource;
import io.urbis.source.SourceSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public base URL of links: from the request, from a trusted proxy's forwarding headers, or configured. A
 * client that is no trusted proxy cannot move links anywhere with {@code Forwarded} or {@code X-Forwarded-*}.
 */
class PublicAddressTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HTML_LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String PUBLIC_URL = "https://maps.example.org/geo/";
  /** What a hostile client (or a trusted proxy) claims. */
  private static final String[] FORWARDED = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example",
      "X-Forwarded-Prefix", "/urbis"};
  private static final String[] RFC_7239 = {"Forwarded", "for=192.0.2.60;proto=https;host=\"evil.example:8443\""};
  /** Every kind of document with links: landing page, collections, items, a feature, tiles, the API, HTML. */
  private static final List<String> PAGES = List.of("/?f=json", "/collections?f=json", "/collections/buildings",
      "/collections/buildings/items?limit=2", "/collections/buildings/items/1",
      "/collections/buildings/tiles", "/collections/buildings/tiles/WebMercatorQuad", "/tiles", "/tileMatrixSets",
      "/api?f=json", "/collections/buildings/items?limit=2&f=html", "/collections?f=html");

  @TempDir static Path folder;
  private static FeatureSource source;
  private static UrbisServer untrusting;
  private static UrbisServer behindProxy;
  private static UrbisServer configured;

  @BeforeAll
  static void serveTheDemoCityThreeWays() throws Exception {
    Path city = DemoCity.ensure(folder.resolve("city.gpkg"));
    source = Sources.open(city.toString(), SourceSettings.DEFAULTS, List.of());
    Catalog catalog = new CatalogBuilder().add("city", source).build();
    untrusting = InProcessServer.start(new ApiSettings("City", "", 10, 100), catalog, List.of(source));
    behindProxy = InProcessServer.start(new ApiSettings("City", "", 10, 100, null,
        TrustedProxies.of(List.of("127.0.0.1", "::1"))), catalog, List.of(source));
    configured = InProcessServer.start(new ApiSettings("City", "", 10, 100, URI.create(PUBLIC_URL),
        TrustedProxies.of(List.of("127.0.0.1"))), catalog, List.of(source));
  }

  @AfterAll
  static void stop() throws Exception {
    for (UrbisServer server : List.of(untrusting, behindProxy, configured)) {
      server.stop();
    }
    source.close();
  }

  @Test
  void forwardingHeadersFromAClientThatIsNoTrustedProxyChangeNoLink() {
    String own = base(untrusting);
    assertAll(PAGES.stream().flatMap(page -> List.of(FORWARDED, RFC_7239).stream().map(headers -> () -> {
      String body = get(untrusting, page, headers);
      assertFalse(body.contains("evil.example"), page + ": " + body);
      assertTrue(hrefs(page, body).stream().allMatch(href -> href.startsWith(own) || !href.contains("://")),
          page + ": " + hrefs(page, body));
    })));
  }

  @Test
  void aTrustedProxysXForwardedHeadersMoveEveryLink() {
    assertAll(PAGES.stream().map(page -> () -> {
      String body = get(behindProxy, page, FORWARDED);
      assertFalse(body.contains(base(behindProxy)), page + " names the address behind the proxy: " + body);
      assertTrue(hrefs(page, body).stream().allMatch(href -> href.startsWith("https://evil.example/urbis/")
          || !href.contains("://")), page + ": " + hrefs(page, body));
    }));
  }

  @Test
  void aTrustedProxysForwardedHeaderMovesEveryLink() throws Exception {
    JsonNode landing = JSON.readTree(get(behindProxy, "/?f=json", RFC_7239));
    landing.path("links").forEach(link ->
        assertTrue(link.path("href").asText().startsWith("https://evil.example:8443/"), link.toString()));
  }

  @Test
  void theConfiguredPublicUrlIsTheBaseOfEveryLinkWhateverTheHeaders() {
    assertAll(PAGES.stream().flatMap(page -> List.of(new String[0], FORWARDED, RFC_7239).stream().map(headers -> () -> {
      String body = get(configured, page, headers);
      assertFalse(body.contains(base(configured)) || body.contains("evil.example"), page + ": " + body);
      assertTrue(hrefs(page, body).stream().allMatch(href -> href.startsWith(PUBLIC_URL) || !href.contains("://")),
          page + ": " + hrefs(page, body));
    })));
  }

  @Test
  void theApiDefinitionNamesThePublicUrlAsItsServer() throws Exception {
    JsonNode api = JSON.readTree(get(configured, "/api?f=json", FORWARDED));
    assertEquals(PUBLIC_URL.substring(0, PUBLIC_URL.length() - 1), api.path("servers").path(0).path("url").asText());
  }

  /** The link targets of a page: {@code href} members of JSON, {@code href} and {@code src} attributes of HTML. */
  private static List<String> hrefs(String page, String body) {
    List<String> hrefs = new ArrayList<>();
    if (page.endsWith("f=html")) {
      Matcher attribute = HTML_LINK.matcher(body);
      while (attribute.find()) {
        hrefs.add(attribute.group(1));
      }
    } else {
      try {
        JSON.readTree(body).findValues("href").forEach(href -> hrefs.add(href.asText()));
      } catch (IOException e) {
        throw new AssertionError(page + " is not JSON: " + body, e);
      }
    }
    assertFalse(hrefs.isEmpty(), page + " has no links");
    return hrefs;
  }

  private static String base(UrbisServer server) {
    return "http://127.0.0.1:" + server.port() + "/";
  }

  private static String get(UrbisServer server, String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(server) + path.substring(1)));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), path + ": " + response.body());
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
