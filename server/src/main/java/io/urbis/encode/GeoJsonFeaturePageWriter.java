package io.urbis.encode;

import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.OptionalLong;

/**
 * Streams a page as a GeoJSON FeatureCollection, feature by feature. Counts and links come after the features,
 * since only then are the neighbouring pages known; JSON member order carries no meaning.
 */
@Provider
@Produces({"application/geo+json", "application/json"})
public final class GeoJsonFeaturePageWriter implements MessageBodyWriter<FeaturePage> {

  private static final byte[] HEAD = GeoJsonFeatureEncoder.ascii("{\"type\":\"FeatureCollection\",\"features\":[");
  /** Large enough that a page leaves in few network writes, small enough to start streaming early. */
  private static final int BUFFER_BYTES = 32 * 1024;

  @Override
  public boolean isWriteable(Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType) {
    return type == FeaturePage.class;
  }

  @Override
  public void writeTo(FeaturePage page, Class<?> type, Type generic, Annotation[] annotations,
      MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream entity) throws IOException {
    try (FeatureStream features = page.features()) {
      OutputStream out = new BufferedOutputStream(entity, BUFFER_BYTES);
      out.write(HEAD);
      long returned = 0;
      for (EncodedFeature feature = features.next(); feature != null; feature = features.next()) {
        if (returned > 0) {
          out.write(',');
        }
        GeoJsonFeatureEncoder.writeOpenFeature(out, feature);
        out.write('}');
        returned++;
      }
      out.write(GeoJsonFeatureEncoder.ascii("],\"numberReturned\":" + returned));
      OptionalLong matched = features.numberMatched();
      if (matched.isPresent()) {
        out.write(GeoJsonFeatureEncoder.ascii(",\"numberMatched\":" + matched.getAsLong()));
      }
      out.write(GeoJsonFeatureEncoder.ascii(",\"timeStamp\":\"" + page.timeStamp() + "\""));
      GeoJsonFeatureEncoder.writeLinks(out, page.links().apply(features.paging()));
      out.write('}');
      out.flush();
    }
  }
}
