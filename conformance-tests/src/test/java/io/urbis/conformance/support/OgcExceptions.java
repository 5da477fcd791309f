package io.urbis.conformance.support;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** The OGC exception report of OGC 17-069r4 (exception.yaml): {@code {"code": "...", "description": "..."}}. */
public final class OgcExceptions {

  private static final Set<String> MEDIA_TYPES = Set.of(MediaTypes.JSON, MediaTypes.PROBLEM_JSON);

  /** What an error body must never show a client. */
  private static final List<String> LEAKS = List.of("org.postgresql", "PSQLException", "SQLException", "\tat ",
      "at io.urbis.", "NullPointerException", "jdbc:postgresql");

  private OgcExceptions() {}

  public static void assertException(Reply reply, int status) {
    assertEquals(status, reply.status(), reply::describe);
    assertAll(reply.method() + " " + reply.uri(),
        () -> assertTrue(MEDIA_TYPES.contains(reply.mediaType()), "Content-Type of the exception: " + reply.mediaType()),
        () -> assertCodeAndDescription(reply),
        () -> LEAKS.forEach(leak -> assertFalse(reply.text().contains(leak), "the body leaks internals (" + leak.strip()
            + "): " + reply.text())));
  }

  private static void assertCodeAndDescription(Reply reply) {
    JsonNode body = reply.json();
    assertTrue(body.path("code").isTextual() && !body.path("code").asText().isBlank(), "no string code: " + body);
    assertTrue(body.path("description").isTextual(), "no string description: " + body);
  }
}
