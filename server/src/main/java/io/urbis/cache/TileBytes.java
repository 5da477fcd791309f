package io.urbis.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A built tile (vector tile, or 3D tileset, subtree or tile) with its strong entity tag (a hash of the bytes) and
 * its gzip form. A tile kept in the cache has its gzip form computed once: compressing a cached tile on every
 * request took most of its serving time. A tile that is not kept is compressed only for a client that asks.
 */
public final class TileBytes {

  private final byte[] content;
  private final byte[] gzipped;
  private final String entityTag;

  private TileBytes(byte[] content, byte[] gzipped) {
    this.content = content;
    this.gzipped = gzipped;
    this.entityTag = sha256(content);
  }

  /** A tile to keep: both forms ready. */
  public static TileBytes of(byte[] content) {
    return new TileBytes(content, gzip(content));
  }

  /** A tile served once: compressed when asked. */
  static TileBytes uncompressed(byte[] content) {
    return new TileBytes(content, null);
  }

  public byte[] content() {
    return content;
  }

  public byte[] gzipped() {
    return gzipped != null ? gzipped : gzip(content);
  }

  public String entityTag() {
    return entityTag;
  }

  /** Bytes held in memory, both forms. */
  long size() {
    return content.length + (gzipped == null ? 0 : gzipped.length);
  }

  private static String sha256(byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 2);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip into memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
