package io.urbis.conformance.support;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One HTTP response, fully read. */
public record Reply(String method, URI uri, int status, HttpClient.Version version, HttpHeaders headers, byte[] body) {

  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /** The media type without parameters, lower case; empty when there is no Content-Type. */
  public String mediaType() {
    return header("Content-Type").map(MediaTypes::essence).orElse("");
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON; fails the test with the response described when it is not. */
  public JsonNode json() {
    try {
      return Json.parse(body);
    } catch (RuntimeException e) {
      return fail("Not JSON: " + describe(), e);
    }
  }

  /** Request line, status, Content-Type and the start of the body, for assertion messages. */
  public String describe() {
    String text = text();
    String start = text.length() > 600 ? text.substring(0, 600) + "..." : text;
    return method + " " + uri + " -> " + status + " " + header("Content-Type").orElse("(no Content-Type)") + "\n"
        + start;
  }
}
