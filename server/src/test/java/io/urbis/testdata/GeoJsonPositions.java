package io.urbis.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/** Compares GeoJSON coordinate arrays position by position within a tolerance (heights: half a millimetre). */
public final class GeoJsonPositions {

  /** Heights are written in millimetres. */
  private static final double Z_TOLERANCE = 5e-4;

  private GeoJsonPositions() {}

  /**
   * Compares nested coordinate arrays. A ring may run in either direction: GDAL keeps the stored orientation,
   * Urbis writes RFC 7946 orientation, which is arbitrary for vertical walls whose 2D area is nearly zero.
   */
  public static void check(JsonNode expected, JsonNode actual, double tolerance, String where) {
    assertEquals(expected.size(), actual.size(), where + ": array sizes differ");
    if (isRing(expected)) {
      assertTrue(ringsMatch(expected, actual, tolerance, false) || ringsMatch(expected, actual, tolerance, true),
          where + ": ring " + actual + " differs from GDAL's " + expected);
    } else if (expected.size() > 0 && expected.get(0).isNumber()) {
      assertTrue(positionsMatch(expected, actual, tolerance), where + ": " + actual + " differs from " + expected);
    } else {
      for (int i = 0; i < expected.size(); i++) {
        check(expected.get(i), actual.get(i), tolerance, where);
      }
    }
  }

  private static boolean isRing(JsonNode node) {
    return node.size() >= 4 && node.get(0).isArray() && node.get(0).get(0).isNumber()
        && node.get(0).equals(node.get(node.size() - 1));
  }

  private static boolean ringsMatch(JsonNode expected, JsonNode actual, double tolerance, boolean reversed) {
    int size = expected.size();
    for (int i = 0; i < size; i++) {
      if (!positionsMatch(expected.get(i), actual.get(reversed ? size - 1 - i : i), tolerance)) {
        return false;
      }
    }
    return true;
  }

  private static boolean positionsMatch(JsonNode expected, JsonNode actual, double tolerance) {
    if (expected.size() != actual.size()) {
      return false;
    }
    for (int i = 0; i < expected.size(); i++) {
      double allowed = i < 2 ? tolerance : Z_TOLERANCE;
      if (Math.abs(expected.get(i).asDouble() - actual.get(i).asDouble()) > allowed) {
        return false;
      }
    }
    return true;
  }
}
