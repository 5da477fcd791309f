package io.urbis.conformance.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** HTTP/1.1 client of the server under test. Targets are paths with query ({@code /collections?f=json}) or absolute URLs. */
public final class Api {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final URI base;
  private final Source source;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

  /** The client of a server a test started itself ({@link Urbis#launch}). */
  public Api(URI base, Source source) {
    this.base = base;
    this.source = source;
  }

  /** The kind of source this server serves. */
  public Source source() {
    return source;
  }

  /** {@code http://localhost:<port>/} */
  public URI base() {
    return base;
  }

  public URI uri(String target) {
    URI uri = URI.create(target);
    return uri.isAbsolute() ? uri : base.resolve(target.startsWith("/") ? target.substring(1) : target);
  }

  /** GET with extra headers given as name, value, name, value... */
  public Reply get(String target, String... headers) {
    return send(request(target, headers).GET());
  }

  /**
   * Any method with a body (null: none) and extra headers given as name, value, name, value...; OPTIONS, POST, PUT,
   * PATCH and DELETE of the features of writable collections.
   */
  public Reply send(String method, String target, String body, String... headers) {
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    return send(request(target, headers).method(method, publisher));
  }

  private Reply send(HttpRequest.Builder request) {
    HttpRequest built = request.timeout(TIMEOUT).build();
    try {
      HttpResponse<byte[]> response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(built.method(), response.uri(), response.statusCode(), response.version(),
          response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private HttpRequest.Builder request(String target, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(target));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  /** GET asking for JSON; asserts 200 and returns the parsed body. */
  public JsonNode json(String target) {
    Reply reply = get(target, "Accept", MediaTypes.JSON_OR_GEOJSON);
    assertEquals(200, reply.status(), () -> source.label() + " " + reply.describe());
    return reply.json();
  }

  /** Percent-encodes one path segment or query value (a space becomes %20, not +). */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
