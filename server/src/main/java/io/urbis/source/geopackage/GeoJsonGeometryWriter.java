package io.urbis.source.geopackage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes JTS geometries (already in CRS84) as GeoJSON geometry objects, with coordinates rounded to a fixed number
 * of decimals and polygon rings oriented as RFC 7946 (3.1.6) recommends: exterior counter-clockwise, holes
 * clockwise. Thread-safe.
 */
public final class GeoJsonGeometryWriter {

  private static final int Z_DECIMALS = 3;
  private static final JsonFactory JSON = new JsonFactory();

  private final DecimalText xy;
  private final DecimalText z = new DecimalText(Z_DECIMALS);
  private final boolean northFirst;

  /** A writer for coordinates east (or longitude) first, as CRS84 and most projected systems have them. */
  public GeoJsonGeometryWriter(int decimals) {
    this(decimals, false);
  }

  /**
   * @param northFirst whether coordinates come north first (EPSG:4326, Gauss-Krueger): swapping the axes mirrors a
   *     ring, so the winding that RFC 7946 wants on the ground is the opposite one in these numbers
   */
  public GeoJsonGeometryWriter(int decimals, boolean northFirst) {
    this.xy = new DecimalText(decimals);
    this.northFirst = northFirst;
  }

  /** The GeoJSON text of {@code geometry}, or null for a null or empty geometry (a feature without geometry). */
  public String write(Geometry geometry) {
    if (geometry == null || geometry.isEmpty()) {
      return null;
    }
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      writeGeometry(json, geometry);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private void writeGeometry(JsonGenerator json, Geometry geometry) throws IOException {
    json.writeStartObject();
    json.writeStringField("type", geometry.getGeometryType());
    if (Geometry.TYPENAME_GEOMETRYCOLLECTION.equals(geometry.getGeometryType())) {
      json.writeArrayFieldStart("geometries");
      for (int i = 0; i < geometry.getNumGeometries(); i++) {
        writeGeometry(json, geometry.getGeometryN(i));
      }
      json.writeEndArray();
    } else {
      json.writeFieldName("coordinates");
      writeCoordinates(json, geometry);
    }
    json.writeEndObject();
  }

  /** Writes the {@code coordinates} member value of a simple or multi geometry. */
  private void writeCoordinates(JsonGenerator json, Geometry geometry) throws IOException {
    if (geometry instanceof Point point) {
      writePosition(json, point.getCoordinateSequence(), 0);
    } else if (geometry instanceof LineString line) {
      writePositions(json, line.getCoordinateSequence(), false);
    } else if (geometry instanceof Polygon polygon) {
      writeRings(json, polygon);
    } else {
      json.writeStartArray();
      for (int i = 0; i < geometry.getNumGeometries(); i++) {
        writeCoordinates(json, geometry.getGeometryN(i));
      }
      json.writeEndArray();
    }
  }

  private void writeRings(JsonGenerator json, Polygon polygon) throws IOException {
    json.writeStartArray();
    writeRing(json, polygon.getExteriorRing(), true);
    for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
      writeRing(json, polygon.getInteriorRingN(i), false);
    }
    json.writeEndArray();
  }

  private void writeRing(JsonGenerator json, LinearRing ring, boolean counterClockwise) throws IOException {
    CoordinateSequence sequence = ring.getCoordinateSequence();
    boolean reverse = sequence.size() >= 4 && Orientation.isCCW(sequence) != (counterClockwise != northFirst);
    writePositions(json, sequence, reverse);
  }

  private void writePositions(JsonGenerator json, CoordinateSequence sequence, boolean reverse) throws IOException {
    json.writeStartArray();
    int size = sequence.size();
    for (int i = 0; i < size; i++) {
      writePosition(json, sequence, reverse ? size - 1 - i : i);
    }
    json.writeEndArray();
  }

  private void writePosition(JsonGenerator json, CoordinateSequence sequence, int index) throws IOException {
    json.writeStartArray();
    json.writeNumber(xy.format(sequence.getX(index)));
    json.writeNumber(xy.format(sequence.getY(index)));
    if (sequence.hasZ()) {
      double height = sequence.getZ(index);
      if (!Double.isNaN(height)) {
        json.writeNumber(z.format(height));
      }
    }
    json.writeEndArray();
  }
}
