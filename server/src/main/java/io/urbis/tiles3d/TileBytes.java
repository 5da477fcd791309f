package io.urbis.tiles3d;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A built tileset, subtree or tile with its strong entity tag, a hash of the bytes computed once. */
public record TileBytes(byte[] content, String entityTag) {

  static TileBytes of(byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      return new TileBytes(content, HexFormat.of().formatHex(digest, 0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
