package io.urbis.conformance.html;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.FeaturePages;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.MediaTypes;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.UrbisTest;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@UrbisTest
@DisplayName("Conformance class HTML")
class HtmlTest {

  private static final Pattern DOCTYPE = Pattern.compile("^\\s*<!doctype html>", Pattern.CASE_INSENSITIVE);

  private final Api api;

  HtmlTest(Api api) {
    this.api = api;
  }

  @Test
  @DisplayName("/conf/html/definition")
  void definition() {
    assertAll(resources().stream().flatMap(path -> Stream.of(
        api.get(path, "Accept", MediaTypes.HTML),
        api.get(path + (path.contains("?") ? "&" : "?") + "f=html"))).map(reply -> () -> {
          assertEquals(200, reply.status(), reply::describe);
          assertEquals(MediaTypes.HTML, reply.mediaType(), reply.uri().toString());
        }));
  }

  @Test
  @DisplayName("/conf/html/content")
  void content() {
    assertAll(resources().stream().map(path -> () -> assertHtml5(html(path), path)));
    String collections = html("/collections");
    Json.elements(api.json("/collections").get("collections")).forEach(entry ->
        assertTrue(collections.contains(entry.path("id").asText()), "/collections HTML lacks " + entry.path("id")));
    String items = html(Layer.POI.items() + "?limit=20");
    Json.elements(api.json(Layer.POI.items() + "?limit=20").get("features")).stream()
        .map(feature -> feature.path("id").asText())
        .forEach(id -> assertTrue(items.contains(id), "the items HTML lacks feature " + id));
  }

  private List<String> resources() {
    return List.of("/", "/conformance", "/api", "/collections", "/collections/poi", Layer.POI.items(),
        FeaturePages.path(api, Layer.POI, "poi-0001"));
  }

  private String html(String path) {
    Reply reply = api.get(path, "Accept", MediaTypes.HTML);
    assertEquals(200, reply.status(), reply::describe);
    return reply.text();
  }

  /** An HTML 5 document: the doctype, one html element with head, title and body. */
  private static void assertHtml5(String html, String where) {
    String lower = html.toLowerCase(Locale.ROOT);
    assertAll(where,
        () -> assertTrue(DOCTYPE.matcher(html).find(), "no <!DOCTYPE html>"),
        () -> assertTrue(lower.contains("<html") && lower.contains("</html>"), "no html element"),
        () -> assertTrue(lower.contains("<head") && lower.contains("<title"), "no head with a title"),
        () -> assertTrue(lower.contains("<body") && lower.contains("</body>"), "no body element"));
  }
}
