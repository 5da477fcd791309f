package io.urbis.cql2.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.cql2.Cql2SyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.util.AssertionFailedException;

/**
 * GeoJSON geometry objects (RFC 7946, section 3.1) to JTS, for filters and written features; errors name the JSON
 * pointer of the bad member.
 */
public final class GeoJsonGeometryReader {

  private static final GeometryFactory GEOMETRIES = new GeometryFactory();

  private GeoJsonGeometryReader() {}

  /** @throws Cql2SyntaxException naming the member at {@code pointer} that is no GeoJSON geometry */
  public static Geometry read(JsonNode geometry, String pointer) {
    try {
      return readGeometry(geometry, pointer, true);
    } catch (IllegalArgumentException | AssertionFailedException e) {
      throw Cql2SyntaxException.atPointer(pointer, "invalid geometry: " + e.getMessage());
    }
  }

  private static Geometry readGeometry(JsonNode geometry, String pointer, boolean collectionAllowed) {
    String type = geometry.path("type").asText("");
    String at = pointer + "/coordinates";
    JsonNode coordinates = geometry.path("coordinates");
    return switch (type) {
      case "Point" -> point(coordinates, at);
      case "LineString" -> lineString(coordinates, at);
      case "Polygon" -> polygon(coordinates, at);
      case "MultiPoint" -> GEOMETRIES.createMultiPoint(each(coordinates, at, GeoJsonGeometryReader::point)
          .toArray(Point[]::new));
      case "MultiLineString" -> GEOMETRIES.createMultiLineString(
          each(coordinates, at, GeoJsonGeometryReader::lineString).toArray(LineString[]::new));
      case "MultiPolygon" -> GEOMETRIES.createMultiPolygon(each(coordinates, at, GeoJsonGeometryReader::polygon)
          .toArray(Polygon[]::new));
      case "GeometryCollection" -> collection(geometry, pointer, collectionAllowed);
      default -> throw Cql2SyntaxException.atPointer(pointer + "/type", "unknown geometry type '" + type + "'");
    };
  }

  private static Geometry collection(JsonNode geometry, String pointer, boolean allowed) {
    if (!allowed) {
      throw Cql2SyntaxException.atPointer(pointer, "a GeometryCollection cannot contain another one");
    }
    List<Geometry> members = each(geometry.path("geometries"), pointer + "/geometries",
        (member, at) -> readGeometry(member, at, false));
    return GEOMETRIES.createGeometryCollection(members.toArray(Geometry[]::new));
  }

  /** An empty position array is the empty point, as the writer spells {@code POINT EMPTY}. */
  private static Point point(JsonNode position, String pointer) {
    boolean empty = position.isArray() && position.isEmpty();
    return empty ? GEOMETRIES.createPoint() : GEOMETRIES.createPoint(coordinate(position, pointer));
  }

  private static LineString lineString(JsonNode positions, String pointer) {
    return GEOMETRIES.createLineString(coordinates(positions, pointer));
  }

  private static Polygon polygon(JsonNode rings, String pointer) {
    List<LinearRing> linearRings = each(rings, pointer,
        (ring, at) -> GEOMETRIES.createLinearRing(coordinates(ring, at)));
    if (linearRings.isEmpty()) {
      return GEOMETRIES.createPolygon();
    }
    return GEOMETRIES.createPolygon(linearRings.get(0),
        linearRings.subList(1, linearRings.size()).toArray(LinearRing[]::new));
  }

  private static Coordinate[] coordinates(JsonNode positions, String pointer) {
    return each(positions, pointer, GeoJsonGeometryReader::coordinate).toArray(Coordinate[]::new);
  }

  /** A position: longitude, latitude and an optional elevation; further numbers are ignored (RFC 7946, 3.1.1). */
  private static Coordinate coordinate(JsonNode position, String pointer) {
    if (!position.isArray() || position.size() < 2) {
      throw Cql2SyntaxException.atPointer(pointer, "a position needs at least two numbers");
    }
    double[] ordinates = new double[Math.min(position.size(), 3)];
    for (int i = 0; i < ordinates.length; i++) {
      JsonNode ordinate = position.get(i);
      if (!ordinate.isNumber() || !Double.isFinite(ordinate.doubleValue())) {
        throw Cql2SyntaxException.atPointer(pointer + "/" + i, "a coordinate must be a finite number");
      }
      ordinates[i] = ordinate.doubleValue();
    }
    return ordinates.length == 3
        ? new Coordinate(ordinates[0], ordinates[1], ordinates[2])
        : new Coordinate(ordinates[0], ordinates[1]);
  }

  private interface ElementReader<T> {
    T read(JsonNode element, String pointer);
  }

  private static <T> List<T> each(JsonNode array, String pointer, ElementReader<T> reader) {
    if (!array.isArray()) {
      throw Cql2SyntaxException.atPointer(pointer, "expected an array");
    }
    List<T> elements = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      elements.add(reader.read(array.get(i), pointer + "/" + i));
    }
    return elements;
  }
}
