package io.urbis.conformance.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** How a configuration keeps an API key ({@code security.apiKeys[].sha256}). */
public final class ApiKeyHashes {

  private ApiKeyHashes() {}

  /** As {@code urbis hash-key} prints it: the SHA-256 of the key's UTF-8 bytes in lower-case hex. */
  public static String sha256Hex(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
