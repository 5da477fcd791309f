package io.urbis.conformance.access;

import static org.junit.jupiter.api.Assertions.assertAll;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.MediaTypes;
import io.urbis.conformance.support.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * One role calling the server of the role matrix: every request carries the role's credentials and accepts gzip,
 * every response is decoded and kept, to be searched for what is hidden from the role by {@link #nothingShown} (at
 * the end of a test, so that a leak and wrong data in the same response are both reported).
 */
final class Caller {

  private final Api api;
  private final Role role;
  private final List<String> credentials;
  private final Hidden hidden;
  private final List<Reply> searched = new ArrayList<>();

  Caller(Api api, Role role, Credentials credentials, Hidden hidden) {
    this.api = api;
    this.role = role;
    this.credentials = credentials.headers(role);
    this.hidden = hidden;
  }

  /** GET, whose response {@link #nothingShown} searches. */
  Reply get(String target, String accept, String... headers) {
    return searched(unsearched(target, accept, headers));
  }

  /**
   * GET of a target that names something hidden itself, whose response {@link Hidden#assertSameAsUnknown} compares
   * with that of its unknown twin instead.
   */
  Reply unsearched(String target, String accept, String... headers) {
    return exchange(api, "GET", target, null, accept, headers);
  }

  /**
   * Any other method with a body of that media type (both null: none), answered in JSON; searched as {@link #get}.
   */
  Reply send(String method, String target, String body, String mediaType) {
    return searched(unsearchedSend(method, target, body, mediaType));
  }

  /** {@link #send} of a target that names something hidden, as {@link #unsearched}. */
  Reply unsearchedSend(String method, String target, String body, String mediaType) {
    if (body == null) {
      return exchange(api, method, target, null, MediaTypes.JSON);
    }
    // a connection of its own: the server may answer a refused write before it reads the body, and then drop the
    // connection, which a client would use again for the next request
    return exchange(new Api(api.base(), api.source()), method, target, body, MediaTypes.JSON, "Content-Type",
        mediaType);
  }

  /** Asserts that no response to {@link #get} or {@link #send} shows anything hidden from the role. */
  void nothingShown() {
    assertAll(searched.stream().map(reply -> () -> hidden.assertNoneIn(role, reply)));
  }

  private Reply searched(Reply reply) {
    searched.add(reply);
    return reply;
  }

  private Reply exchange(Api server, String method, String target, String body, String accept, String... headers) {
    List<String> all = new ArrayList<>(credentials);
    all.addAll(List.of("Accept", accept, "Accept-Encoding", "gzip"));
    all.addAll(List.of(headers));
    return decoded(server.send(method, target, body, all.toArray(String[]::new)));
  }

  /** The response with its body as it was before the server's Content-Encoding. */
  private static Reply decoded(Reply reply) {
    if (!reply.header("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
      return reply;
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(reply.body()))) {
      return new Reply(reply.method(), reply.uri(), reply.status(), reply.version(), reply.headers(),
          in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("not gzip: " + reply.method() + " " + reply.uri(), e);
    }
  }
}
