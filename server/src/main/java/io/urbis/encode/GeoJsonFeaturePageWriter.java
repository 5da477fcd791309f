package io.urbis.encode;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
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

  @Override
  public boolean isWriteable(Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType) {
    return type == FeaturePage.class;
  }

  @Override
  public void writeTo(FeaturePage page, Class<?> type, Type generic, Annotation[] annotations,
      MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
    try (FeatureStream features = page.features();
        JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringField("type", "FeatureCollection");
      json.writeFieldName("features");
      json.writeStartArray();
      long returned = 0;
      for (EncodedFeature feature = features.next(); feature != null; feature = features.next()) {
        json.writeStartObject();
        GeoJsonFeatureEncoder.writeFeatureMembers(json, feature);
        json.writeEndObject();
        returned++;
      }
      json.writeEndArray();
      json.writeNumberField("numberReturned", returned);
      OptionalLong matched = features.numberMatched();
      if (matched.isPresent()) {
        json.writeNumberField("numberMatched", matched.getAsLong());
      }
      json.writeStringField("timeStamp", page.timeStamp().toString());
      GeoJsonFeatureEncoder.writeLinks(json, page.links().apply(features.paging()));
      json.writeEndObject();
    }
  }
}
