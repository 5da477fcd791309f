package io.urbis.source.geopackage;

import io.urbis.catalog.Collection;
import io.urbis.source.FeatureVersions;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of a stored feature as an audience sees it ({@code EncodedFeature.version()}): the MD5 of its stored
 * geometry and of the properties object the audience reads, as the PostGIS source hashes what its audience sees. It changes whenever either does, is the same on every
 * server and after a restart (SQLite keeps no row versions that would be), and differs between audiences that see
 * different properties, as their objects differ.
 */
final class FeatureVersion {

  private FeatureVersion() {}

  /**
   * The version {@code collection}'s audience gets of a feature whose GeoPackageBinary geometry is {@code geometry}
   * (null for none) and whose properties it reads as the JSON {@code properties}, as {@link PropertiesJsonWriter}
   * writes them; the audience's visibility is mixed in by {@link FeatureVersions}.
   */
  static String of(Collection collection, byte[] geometry, byte[] properties) {
    return FeatureVersions.of(collection, hash(geometry, properties));
  }

  private static String hash(byte[] geometry, byte[] properties) {
    try {
      MessageDigest digest = MessageDigest.getInstance("MD5");
      // the geometry's length first, so that no geometry and properties run into each other differently
      digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(geometry == null ? -1 : geometry.length).array());
      if (geometry != null) {
        digest.update(geometry);
      }
      digest.update(properties);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every Java runtime", e);
    }
  }
}
