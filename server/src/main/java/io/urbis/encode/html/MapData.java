package io.urbis.encode.html;

import com.fasterxml.jackson.core.JsonGenerator;
import io.urbis.encode.Json;
import io.urbis.source.EncodedFeature;
import java.io.IOException;
import java.io.StringWriter;

/**
 * The features a map shows, gathered while a page streams and embedded at its end as a GeoJSON
 * FeatureCollection; each feature carries the {@code href} of its HTML page for the popup. Features without
 * geometry are left out.
 */
final class MapData {

  static final String ELEMENT_ID = "features";

  private final StringWriter text = new StringWriter();
  private final JsonGenerator json;

  MapData() throws IOException {
    json = Json.MAPPER.getFactory().createGenerator(text);
    json.writeStartObject();
    json.writeStringField("type", "FeatureCollection");
    json.writeArrayFieldStart("features");
  }

  void add(EncodedFeature feature, String href) throws IOException {
    if (feature.geometryJson() == null) {
      return;
    }
    json.writeStartObject();
    json.writeStringField("type", "Feature");
    if (feature.id() instanceof Long number) {
      json.writeNumberField("id", number);
    } else {
      json.writeStringField("id", String.valueOf(feature.id()));
    }
    json.writeStringField("href", href);
    json.writeFieldName("geometry");
    json.writeRawValue(feature.geometryJson());
    json.writeFieldName("properties");
    json.writeRawValue(feature.propertiesJson() == null ? "{}" : feature.propertiesJson());
    json.writeEndObject();
  }

  /** The data block; call once, after the last {@link #add}. */
  String html() throws IOException {
    json.writeEndArray();
    json.writeEndObject();
    json.close();
    return Fragments.mapData(ELEMENT_ID, text.toString());
  }
}
