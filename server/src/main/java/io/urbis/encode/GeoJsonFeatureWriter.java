package io.urbis.encode;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Encodes one feature as a GeoJSON Feature with its links; small enough to hash for an ETag. */
public final class GeoJsonFeatureWriter {

  private GeoJsonFeatureWriter() {}

  public static byte[] encode(FeatureDocument document) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      GeoJsonFeatureEncoder.writeFeatureMembers(json, document.feature());
      GeoJsonFeatureEncoder.writeLinks(json, document.links());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
