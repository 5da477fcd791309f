package io.urbis.download;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.cql2.json.GeoJsonGeometryReader;
import io.urbis.source.EncodedFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.locationtech.jts.geom.Geometry;

/** One feature of a download, its GeoJSON parts read back: the geometry as JTS, the properties as a JSON object. */
record DownloadFeature(Object id, Geometry geometry, JsonNode properties) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static DownloadFeature of(EncodedFeature feature) {
    try {
      Geometry geometry = feature.geometry() == null ? null
          : GeoJsonGeometryReader.read(JSON.readTree(feature.geometry()), "/geometry");
      return new DownloadFeature(feature.id(), geometry, JSON.readTree(feature.properties()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value of a property as text (numbers and booleans as JSON writes them, objects and arrays as JSON), or null. */
  String text(String property) {
    JsonNode value = properties.get(property);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }
}
