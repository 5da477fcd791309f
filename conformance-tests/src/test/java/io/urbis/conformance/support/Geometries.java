package io.urbis.conformance.support;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** GeoJSON geometries (RFC 7946): structural validity and comparison with PostGIS output. */
public final class Geometries {

  /** Two encoders rounding to 7 decimals may differ by one unit in the last place. */
  public static final double TOLERANCE = 1e-7 + 1e-12;

  private static final Set<String> TYPES = Set.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
      "MultiPolygon", "GeometryCollection");

  private Geometries() {}

  /** Same type and structure, every ordinate within {@link #TOLERANCE}; {@code expected} null means no geometry. */
  public static void assertSame(String expected, JsonNode actual, String where) {
    List<String> differences = differences(expected == null ? null : Json.parse(expected), actual, TOLERANCE, where);
    if (!differences.isEmpty()) {
      fail(differences.get(0) + (differences.size() > 1 ? " (and " + (differences.size() - 1) + " more)" : ""));
    }
  }

  /**
   * Every difference between two GeoJSON geometries: type, structure, and each ordinate further apart than
   * {@code tolerance}. Null (or a JSON null) is no geometry.
   */
  public static List<String> differences(JsonNode expected, JsonNode actual, double tolerance, String where) {
    List<String> found = new ArrayList<>();
    boolean expectedNone = expected == null || expected.isNull();
    boolean actualNone = actual == null || actual.isNull();
    if (expectedNone || actualNone) {
      if (expectedNone != actualNone) {
        found.add(where + ": expected " + (expectedNone ? "a null geometry" : expected.path("type")) + ", got " + actual);
      }
      return found;
    }
    compare(expected, actual, tolerance, where, found);
    return found;
  }

  private static void compare(JsonNode expected, JsonNode actual, double tolerance, String where, List<String> found) {
    String type = expected.path("type").asText();
    if (!type.equals(actual.path("type").asText())) {
      found.add(where + ": expected geometry type " + type + ", got " + actual.path("type"));
    } else if ("GeometryCollection".equals(type)) {
      List<JsonNode> members = Json.elements(expected.get("geometries"));
      List<JsonNode> actualMembers = Json.elements(actual.get("geometries"));
      if (members.size() != actualMembers.size()) {
        found.add(where + ": expected " + members.size() + " members of the collection, got " + actualMembers.size());
        return;
      }
      for (int i = 0; i < members.size(); i++) {
        compare(members.get(i), actualMembers.get(i), tolerance, where + "/geometries/" + i, found);
      }
    } else {
      compareCoordinates(expected.get("coordinates"), actual.get("coordinates"), tolerance, where + "/coordinates",
          found);
    }
  }

  private static void compareCoordinates(JsonNode expected, JsonNode actual, double tolerance, String where,
      List<String> found) {
    if (expected.isNumber()) {
      if (actual == null || !actual.isNumber()) {
        found.add(where + ": expected a number, got " + actual);
      } else if (!(Math.abs(expected.asDouble() - actual.asDouble()) <= tolerance)) {
        found.add(where + ": expected " + expected + ", got " + actual + " (off by "
            + Math.abs(expected.asDouble() - actual.asDouble()) + ")");
      }
      return;
    }
    if (actual == null || !actual.isArray() || expected.size() != actual.size()) {
      found.add(where + ": expected " + expected.size() + " elements, got " + actual);
      return;
    }
    for (int i = 0; i < expected.size(); i++) {
      compareCoordinates(expected.get(i), actual.get(i), tolerance, where + "/" + i, found);
    }
  }

  /** RFC 7946 structure in CRS84 (longitude, latitude[, height]); null is allowed (a feature without geometry). */
  public static void assertValid(JsonNode geometry, String where) {
    if (geometry == null || geometry.isNull()) {
      return;
    }
    String type = geometry.path("type").asText();
    assertTrue(TYPES.contains(type), where + ": not a GeoJSON geometry type: " + geometry.path("type"));
    JsonNode coordinates = geometry.get("coordinates");
    switch (type) {
      case "Point" -> assertPosition(coordinates, where);
      case "MultiPoint" -> each(coordinates, where, 0, Geometries::assertPosition);
      case "LineString" -> assertLine(coordinates, where);
      case "MultiLineString" -> each(coordinates, where, 0, Geometries::assertLine);
      case "Polygon" -> assertPolygon(coordinates, where);
      case "MultiPolygon" -> each(coordinates, where, 1, Geometries::assertPolygon);
      default -> each(geometry.get("geometries"), where, 0, Geometries::assertValid);
    }
  }

  private interface Check {
    void check(JsonNode node, String where);
  }

  private static void each(JsonNode array, String where, int minimum, Check check) {
    assertTrue(array != null && array.isArray() && array.size() >= minimum, where + ": expected an array: " + array);
    for (int i = 0; i < array.size(); i++) {
      check.check(array.get(i), where + "/" + i);
    }
  }

  private static void assertPosition(JsonNode position, String where) {
    assertTrue(position != null && position.isArray() && (position.size() == 2 || position.size() == 3),
        where + ": a position has 2 or 3 numbers: " + position);
    position.forEach(n -> assertTrue(n.isNumber(), where + ": not a number: " + n));
    double lon = position.get(0).asDouble();
    double lat = position.get(1).asDouble();
    assertTrue(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90, where + ": not CRS84 longitude, latitude: " + position);
  }

  private static void assertLine(JsonNode line, String where) {
    each(line, where, 2, Geometries::assertPosition);
  }

  private static void assertPolygon(JsonNode rings, String where) {
    each(rings, where, 1, (ring, at) -> {
      each(ring, at, 4, Geometries::assertPosition);
      if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
        fail(at + ": ring not closed: " + ring);
      }
    });
  }
}
