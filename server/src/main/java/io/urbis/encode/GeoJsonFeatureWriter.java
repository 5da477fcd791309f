package io.urbis.encode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Encodes one feature as a GeoJSON Feature with its links; small enough to hash for an ETag. */
public final class GeoJsonFeatureWriter {

  private GeoJsonFeatureWriter() {}

  public static byte[] encode(FeatureDocument document) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      GeoJsonFeatureEncoder.writeOpenFeature(out, document.feature());
      GeoJsonFeatureEncoder.writeLinks(out, document.links());
      out.write('}');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
