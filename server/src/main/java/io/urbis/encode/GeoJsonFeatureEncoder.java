package io.urbis.encode;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.urbis.source.EncodedFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes GeoJSON features as bytes. Geometry and properties arrive as JSON text from the source and are copied
 * as they are: going through a JSON generator would re-encode every character, the hottest path of a page.
 */
final class GeoJsonFeatureEncoder {

  private static final byte[] FEATURE_START = ascii("{\"type\":\"Feature\",\"id\":");
  private static final byte[] GEOMETRY = ascii(",\"geometry\":");
  private static final byte[] PROPERTIES = ascii(",\"properties\":");
  private static final byte[] LINKS = ascii(",\"links\":");
  private static final byte[] NULL = ascii("null");

  private GeoJsonFeatureEncoder() {}

  /** Writes the feature object without its closing brace, so that a caller may add members. */
  static void writeOpenFeature(OutputStream out, EncodedFeature feature) throws IOException {
    out.write(FEATURE_START);
    writeId(out, feature.id());
    out.write(GEOMETRY);
    out.write(feature.geometry() == null ? NULL : feature.geometry());
    out.write(PROPERTIES);
    out.write(feature.properties());
  }

  static void writeLinks(OutputStream out, List<Link> links) throws IOException {
    out.write(LINKS);
    out.write(Json.MAPPER.writeValueAsBytes(links));
  }

  private static void writeId(OutputStream out, Object id) throws IOException {
    if (id instanceof Long number) {
      out.write(ascii(number.toString()));
      return;
    }
    out.write('"');
    out.write(JsonStringEncoder.getInstance().quoteAsUTF8(String.valueOf(id)));
    out.write('"');
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
