package io.urbis.encode;

import com.fasterxml.jackson.core.JsonGenerator;
import io.urbis.source.EncodedFeature;
import java.io.IOException;
import java.util.List;

/** Writes GeoJSON features; geometry and properties arrive as JSON text from the source and are copied raw. */
final class GeoJsonFeatureEncoder {

  private GeoJsonFeatureEncoder() {}

  /** Writes the members of a feature object; the caller opens and closes it. */
  static void writeFeatureMembers(JsonGenerator json, EncodedFeature feature) throws IOException {
    json.writeStringField("type", "Feature");
    json.writeFieldName("id");
    if (feature.id() instanceof Long number) {
      json.writeNumber(number);
    } else {
      json.writeString(String.valueOf(feature.id()));
    }
    json.writeFieldName("geometry");
    if (feature.geometryJson() == null) {
      json.writeNull();
    } else {
      json.writeRawValue(feature.geometryJson());
    }
    json.writeFieldName("properties");
    json.writeRawValue(feature.propertiesJson());
  }

  static void writeLinks(JsonGenerator json, List<Link> links) throws IOException {
    json.writeFieldName("links");
    json.writeStartArray();
    for (Link link : links) {
      json.writeObject(link);
    }
    json.writeEndArray();
  }
}
