package io.urbis.source;

import io.urbis.catalog.Collection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Feature versions ({@link EncodedFeature#version()}) for an audience: a source hashes what the audience sees of a
 * stored feature (its visible properties and its geometry), and the audience's visibility key is added here, so that
 * audiences shaped by different rules never share a version, and a version tells nothing of what is hidden.
 */
public final class FeatureVersions {

  private FeatureVersions() {}

  /** The version {@code collection}'s audience gets of a feature whose visible content hashes to {@code hash}. */
  public static String of(Collection collection, String hash) {
    if (collection.isWhole()) {
      return hash;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((collection.visibility() + ":" + hash).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
