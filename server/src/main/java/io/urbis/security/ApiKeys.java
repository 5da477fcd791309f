package io.urbis.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured API keys, each kept only as the SHA-256 of its UTF-8 bytes (written as 64 hex digits; {@code urbis
 * hash-key} prints it). An unsalted hash is enough because keys are long random strings (e.g. {@code openssl rand
 * -hex 32}), which no dictionary holds. A presented key is hashed and compared with every entry in constant time
 * ({@link MessageDigest#isEqual}), without stopping at the first match, so timing tells nothing about the keys.
 */
public final class ApiKeys {

  /**
   * One key.
   *
   * @param name what logs and audit records call the key's holder
   * @param sha256 the SHA-256 of the key (32 bytes)
   * @param roles the roles the key gives
   */
  public record Entry(String name, byte[] sha256, Set<String> roles) {

    public Entry {
      sha256 = sha256.clone();
      roles = Set.copyOf(roles);
    }
  }

  public static final ApiKeys NONE = new ApiKeys(List.of());

  private final List<Entry> entries;

  public ApiKeys(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The caller the key belongs to; empty for a key no entry has. */
  public Optional<Caller> caller(String presentedKey) {
    byte[] digest = sha256(presentedKey);
    Entry match = null;
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(digest, entry.sha256()) && match == null) {
        match = entry;
      }
    }
    return Optional.ofNullable(match).map(entry -> new Caller(entry.name(), entry.roles()));
  }

  /** The SHA-256 of the key's UTF-8 bytes, as entries keep it. */
  public static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** {@link #sha256} as the configuration writes it: 64 lower-case hex digits. */
  public static String sha256Hex(String key) {
    return HexFormat.of().formatHex(sha256(key));
  }
}
