package io.urbis.conformance.support;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** The {@code links} array of an OGC API document. */
public final class Links {

  private Links() {}

  public static List<JsonNode> all(JsonNode document) {
    return Json.elements(document.get("links"));
  }

  public static List<JsonNode> withRel(JsonNode document, String rel) {
    return all(document).stream().filter(link -> rel.equals(link.path("rel").asText())).toList();
  }

  /** The href of the first link with this relation. */
  public static Optional<String> href(JsonNode document, String rel) {
    return withRel(document, rel).stream().map(link -> link.path("href").asText()).findFirst();
  }

  /** The href of the link with this relation and media type (parameters of the type ignored). */
  public static Optional<String> href(JsonNode document, String rel, String mediaType) {
    return withRel(document, rel).stream()
        .filter(link -> MediaTypes.essence(link.path("type").asText()).equals(MediaTypes.essence(mediaType)))
        .map(link -> link.path("href").asText())
        .findFirst();
  }

  /**
   * The self and alternate links every resource must have: {@code self} names the requested path and answers 200
   * in {@code selfType}; an {@code alternate} link answers 200 in HTML (the other media type Urbis serves).
   */
  public static void assertSelfAndAlternate(Api api, JsonNode document, String requestedPath, String selfType) {
    String self = href(document, "self").orElseThrow(() -> new AssertionError(requestedPath + ": no self link"));
    assertAll(requestedPath + ": self and alternate links",
        () -> assertEquals(api.uri(requestedPath).getPath(), api.uri(self).getPath(), "self link path"),
        () -> assertAnswers(api, self, selfType),
        () -> assertAnswers(api, href(document, "alternate", MediaTypes.HTML)
            .orElseThrow(() -> new AssertionError(requestedPath + ": no alternate link of type text/html")),
            MediaTypes.HTML));
  }

  private static void assertAnswers(Api api, String href, String mediaType) {
    Reply reply = api.get(href, "Accept", mediaType);
    assertEquals(200, reply.status(), reply::describe);
    assertEquals(mediaType, reply.mediaType(), href);
  }

  /** /req/core/fc-rel-type and the "all links include rel and type" step of the link tests. */
  public static void assertRelTypeAndHref(JsonNode document, String where) {
    List<JsonNode> links = all(document);
    assertFalse(links.isEmpty(), where + ": no links");
    assertAll(where + ": every link has href, rel and type", links.stream().map(link -> () -> {
      assertTrue(link.path("href").isTextual() && !link.path("href").asText().isBlank(), "href missing: " + link);
      assertTrue(link.path("rel").isTextual() && !link.path("rel").asText().isBlank(), "rel missing: " + link);
      assertTrue(link.path("type").isTextual() && !link.path("type").asText().isBlank(), "type missing: " + link);
    }));
  }
}
