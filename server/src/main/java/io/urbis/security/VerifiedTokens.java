package io.urbis.security;

import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens that passed every check, with the caller each names, so that a client sending the same token with
 * every request (as clients do until it expires) pays for its signature and claims checks once: the RSA or ECDSA
 * verification and the JSON parsing are most of what a token costs a request.
 *
 * <p>Tokens are known by their SHA-256, so none is kept. An entry holds until the token's {@code exp}, never beyond
 * (later the full check decides, with its clock skew), and at most {@link #LIFETIME}, as long as the provider's keys
 * are cached: a key the provider withdrew stops counting for cached tokens when it would for new ones. Only tokens
 * that passed are cached, so forged tokens cannot fill it; when it is full anyway (more distinct live tokens than
 * {@link #CAPACITY}), expired entries go first, then a tenth of the others.
 */
final class VerifiedTokens {

  static final int CAPACITY = 10_000;
  /** As long as {@link BearerTokens} keeps the provider's JWKS (nimbus' default). */
  static final Duration LIFETIME = Duration.ofMillis(JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE);

  private record Entry(Caller caller, Instant until) {}

  private final int capacity;
  /** By the token's SHA-256 (a ByteBuffer compares its content). */
  private final Map<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();

  VerifiedTokens() {
    this(CAPACITY);
  }

  VerifiedTokens(int capacity) {
    this.capacity = capacity;
  }

  /** The caller of a token that passed before and has not expired at {@code now}; empty otherwise. */
  Optional<Caller> caller(String token, Instant now) {
    ByteBuffer key = key(token);
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!now.isBefore(entry.until())) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry.caller());
  }

  /**
   * Remembers a token that passed every check at {@code now}.
   *
   * @param expiry the token's {@code exp}
   */
  void put(String token, Caller caller, Instant expiry, Instant now) {
    Instant until = now.plus(LIFETIME).isBefore(expiry) ? now.plus(LIFETIME) : expiry;
    if (!now.isBefore(until)) {
      return; // accepted within the clock skew only: nothing to remember
    }
    if (entries.size() >= capacity) {
      makeRoom(now);
    }
    entries.put(key(token), new Entry(caller, until));
  }

  /** How many tokens are remembered. */
  int size() {
    return entries.size();
  }

  private void makeRoom(Instant now) {
    entries.values().removeIf(entry -> !now.isBefore(entry.until()));
    // in one go rather than one per new token, so that a full cache is not scanned with every request
    Iterator<ByteBuffer> keys = entries.keySet().iterator();
    while (entries.size() > capacity - capacity / 10 - 1 && keys.hasNext()) {
      keys.next();
      keys.remove();
    }
  }

  private static ByteBuffer key(String token) {
    return ByteBuffer.wrap(ApiKeys.sha256(token));
  }
}
