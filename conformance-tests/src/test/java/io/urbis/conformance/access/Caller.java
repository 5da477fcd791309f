package io.urbis.conformance.access;

import static org.junit.jupiter.api.Assertions.assertAll;

import io.urbis.conformance.support.Api;
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

  Role role() {
    return role;
  }

  /** GET, whose response {@link #nothingShown} searches. */
  Reply get(String target, String accept, String... headers) {
    Reply reply = unsearched(target, accept, headers);
    searched.add(reply);
    return reply;
  }

  /** Asserts that no response to {@link #get} shows anything hidden from the role. */
  void nothingShown() {
    assertAll(searched.stream().map(reply -> () -> hidden.assertNoneIn(role, reply)));
  }

  /**
   * GET of a target that names something hidden itself, whose response {@link Hidden#assertSameAsUnknown} compares
   * with that of its unknown twin instead.
   */
  Reply unsearched(String target, String accept, String... headers) {
    List<String> all = new ArrayList<>(credentials);
    all.addAll(List.of("Accept", accept, "Accept-Encoding", "gzip"));
    all.addAll(List.of(headers));
    return decoded(api.get(target, all.toArray(String[]::new)));
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
