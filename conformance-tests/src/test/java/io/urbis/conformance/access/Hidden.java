package io.urbis.conformance.access;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.Truth;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a role must find in no response: the strings that would give away the hidden collection, the hidden property
 * or a row outside the row filter, searched in the status line, every header and the decoded body (binary bodies,
 * vector tiles and 3D tiles, as bytes).
 */
final class Hidden {

  /** Headers that differ between any two responses. */
  private static final Set<String> PER_RESPONSE = Set.of("date", "x-request-id", "content-length", "etag",
      "transfer-encoding");

  private final Marker collectionId;
  private final Marker collectionValue;
  private final Marker propertyName;
  private final Marker propertyValue;
  private final Marker rowName;
  private final Marker rowLink;

  /**
   * One string that must not show, as a pattern over {@link #searchable} text: the body's bytes are read as
   * ISO-8859-1 (one character per byte), so that it finds ASCII in text and binary bodies alike.
   *
   * @param what what the string gives away, for the failure message
   */
  record Marker(String what, Pattern pattern) {

    boolean isIn(Reply reply) {
      return pattern.matcher(searchable(reply)).find();
    }
  }

  Hidden(Truth truth) {
    String ruled = AccessRules.RULED.id();
    collectionId = new Marker("the hidden collection's id", Pattern.compile(
        Pattern.quote(AccessRules.HIDDEN_COLLECTION), Pattern.CASE_INSENSITIVE));
    collectionValue = new Marker("a name of a feature of the hidden collection", value(truth.column(
        "SELECT name FROM " + AccessRules.HIDDEN_COLLECTION + " ORDER BY id LIMIT 1").get(0)));
    // as a name, and as a title made of it (Last survey)
    propertyName = new Marker("the hidden property's name", Pattern.compile(
        AccessRules.HIDDEN_PROPERTY.replace("_", "[_ -]?"), Pattern.CASE_INSENSITIVE));
    propertyValue = new Marker("a value of the hidden property", Pattern.compile(truth.column("SELECT to_char("
        + AccessRules.HIDDEN_PROPERTY + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"[T ]\"HH24:MI') FROM " + ruled
        + " WHERE id = " + AccessRules.VISIBLE_ROW).get(0)));
    rowName = new Marker("the name of a row outside the row filter", value(truth.column(
        "SELECT name FROM " + ruled + " WHERE id = " + AccessRules.HIDDEN_ROW).get(0)));
    // also as JSON may escape it inside HTML (buildings\/items\/1200)
    rowLink = new Marker("a link to a row outside the row filter", Pattern.compile(ruled + "\\\\?/items\\\\?/"
        + AccessRules.HIDDEN_ROW + "(?!\\d)"));
  }

  /** What the role must not see. */
  List<Marker> of(Role role) {
    List<Marker> markers = new ArrayList<>();
    if (role.hidesCollection) {
      markers.addAll(List.of(collectionId, collectionValue));
    }
    if (role.hidesProperty) {
      markers.addAll(List.of(propertyName, propertyValue));
    }
    if (role.filtersRows) {
      markers.addAll(List.of(rowName, rowLink));
    }
    return markers;
  }

  /** Every marker, for the check that the search finds each where it may be seen. */
  List<Marker> all() {
    return List.of(collectionId, collectionValue, propertyName, propertyValue, rowName, rowLink);
  }

  /** What a tile (vector or 3D) of the ruled collection around the hidden row holds of the hidden things. */
  List<Marker> inTiles() {
    return List.of(propertyName, rowName);
  }

  /** Asserts that the response shows nothing hidden from the role, anywhere. */
  void assertNoneIn(Role role, Reply reply) {
    String searched = searchable(reply);
    assertAll(role + ": " + reply.method() + " " + reply.uri(), of(role).stream().map(marker -> () -> {
      Matcher found = marker.pattern().matcher(searched);
      assertFalse(found.find(), () -> "shows " + marker.what() + " (" + marker.pattern() + "): ..."
          + searched.substring(Math.max(0, found.start() - 200), Math.min(searched.length(), found.end() + 200))
          + "...");
    }));
  }

  /** The status line, headers and body of the response as one text. */
  static String searchable(Reply reply) {
    StringBuilder text = new StringBuilder("HTTP ").append(reply.status()).append('\n');
    reply.headers().map().forEach((name, values) -> values.forEach(value -> text.append(name).append(": ")
        .append(value).append('\n')));
    return text.append('\n').append(new String(reply.body(), StandardCharsets.ISO_8859_1)).toString();
  }

  /**
   * Asserts that a request naming something hidden from the caller was answered exactly as the same request naming
   * its unknown twin (of the same length): the same status, headers and body but for the name itself and what
   * differs between any two responses (date, request id).
   */
  static void assertSameAsUnknown(Reply hidden, String hiddenName, Reply unknown, String unknownName) {
    String what = hidden.method() + " " + hidden.uri() + " (" + hidden.status() + ") answered unlike "
        + unknown.uri() + " (" + unknown.status() + ")";
    assertAll(what,
        () -> assertEquals(unknown.status(), hidden.status(), "status"),
        () -> assertEquals(comparableHeaders(unknown, unknownName, hiddenName),
            comparableHeaders(hidden, hiddenName, hiddenName), "headers"),
        () -> assertEquals(withoutRequestId(unknown).replace(unknownName, hiddenName), withoutRequestId(hidden),
            "body"));
  }

  /** The headers (names in lower case) but the values every response has its own of, {@code name} replaced. */
  private static Map<String, List<String>> comparableHeaders(Reply reply, String name, String replacement) {
    Map<String, List<String>> headers = new TreeMap<>();
    reply.headers().map().forEach((header, values) -> {
      String lower = header.toLowerCase(Locale.ROOT);
      headers.put(lower, PER_RESPONSE.contains(lower) ? List.of("(its own)")
          : values.stream().map(value -> value.replace(name, replacement)).toList());
    });
    return headers;
  }

  /** The body, its request id (which it may name) replaced. */
  static String withoutRequestId(Reply reply) {
    String body = reply.text();
    return reply.header("X-Request-Id").map(id -> body.replace(id, "(request id)")).orElse(body);
  }

  /**
   * A value as a body may write it: its ASCII characters as they are, each other character in any short encoding
   * (UTF-8 bytes, an HTML entity, a JSON escape); digits at its end not followed by more.
   */
  private static Pattern value(String value) {
    StringBuilder pattern = new StringBuilder();
    value.codePoints().forEach(c -> pattern.append(c < 0x80 ? Pattern.quote(Character.toString(c)) : ".{1,8}?"));
    if (Character.isDigit(value.charAt(value.length() - 1))) {
      pattern.append("(?!\\d)");
    }
    return Pattern.compile(pattern.toString());
  }
}
