package io.urbis.conformance.sources;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Geometries;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.Times;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every difference between two answers to one request, one line each: page facts, the features (by key, in order),
 * and per feature its id, its properties (as JSON values; numbers by value, date-times by instant) and its geometry
 * (every ordinate within the request's tolerance). The ids of poi are not compared: a GeoPackage cannot keep text
 * keys, so there the key is the property {@code id} ({@link Layer#keyOf}, {@link Layer#propertiesOf}).
 */
final class AnswerDifferences {

  /** Ordinate differences listed per geometry; the rest are counted. */
  private static final int PER_GEOMETRY = 3;
  private static final int KEYS_SHOWN = 15;

  private final Request request;
  private final List<String> found = new ArrayList<>();

  private AnswerDifferences(Request request) {
    this.request = request;
  }

  /** The differences of {@code actual} from {@code expected}; none when they are the same answer. */
  static List<String> between(Request request, Answer expected, Answer actual) {
    AnswerDifferences differences = new AnswerDifferences(request);
    differences.compare(expected, actual);
    return differences.found;
  }

  private void compare(Answer expected, Answer actual) {
    differ("Content-Crs", expected.contentCrs(), actual.contentCrs());
    differ("features per page", expected.pageSizes(), actual.pageSizes());
    if (!sameValue(expected.numberMatched(), actual.numberMatched())) {
      found.add("numberMatched: expected " + expected.numberMatched() + ", got " + actual.numberMatched());
    }
    Map<String, JsonNode> expectedByKey = byKey(expected, "expected");
    Map<String, JsonNode> actualByKey = byKey(actual, "actual");
    compareKeys(new ArrayList<>(expectedByKey.keySet()), new ArrayList<>(actualByKey.keySet()));
    expectedByKey.forEach((key, feature) -> {
      if (actualByKey.containsKey(key)) {
        compareFeature(key, feature, actualByKey.get(key));
      }
    });
  }

  private Map<String, JsonNode> byKey(Answer answer, String which) {
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    answer.features().forEach(feature -> {
      String key = request.layer().keyOf(feature);
      if (byKey.putIfAbsent(key, feature) != null) {
        found.add(which + " answer: feature " + key + " more than once");
      }
    });
    return byKey;
  }

  private void compareKeys(List<String> expected, List<String> actual) {
    if (expected.equals(actual)) {
      return;
    }
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    if (!missing.isEmpty() || !unexpected.isEmpty()) {
      found.add("features: expected " + expected.size() + ", got " + actual.size() + "; missing " + missing.size()
          + " " + some(missing) + ", unexpected " + unexpected.size() + " " + some(unexpected));
      return;
    }
    int first = 0;
    while (expected.get(first).equals(actual.get(first))) {
      first++;
    }
    found.add("feature order differs from #" + first + " on: expected "
        + some(expected.subList(first, expected.size())) + ", got " + some(actual.subList(first, actual.size())));
  }

  private void compareFeature(String key, JsonNode expected, JsonNode actual) {
    String where = "feature " + key;
    if (!request.layer().hasTextKeys() && !sameValue(expected.path("id"), actual.path("id"))) {
      found.add(where + ": id expected " + expected.path("id") + ", got " + actual.path("id"));
    }
    Map<String, JsonNode> expectedProperties = request.layer().propertiesOf(expected);
    Map<String, JsonNode> actualProperties = request.layer().propertiesOf(actual);
    differ(where + ": property names", expectedProperties.keySet(), actualProperties.keySet());
    expectedProperties.forEach((name, value) -> {
      JsonNode other = actualProperties.get(name);
      if (other != null && !sameValue(value, other)) {
        found.add(where + ": property " + name + " expected " + value + ", got " + other);
      }
    });
    List<String> geometry = Geometries.differences(expected.get("geometry"), actual.get("geometry"),
        request.tolerance(), where + " geometry");
    found.addAll(geometry.subList(0, Math.min(PER_GEOMETRY, geometry.size())));
    if (geometry.size() > PER_GEOMETRY) {
      found.add(where + " geometry: " + (geometry.size() - PER_GEOMETRY) + " more differences");
    }
  }

  private void differ(String what, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      found.add(what + ": expected " + expected + ", got " + actual);
    }
  }

  /**
   * Equal JSON values: numbers by value (25 and 25.0 alike), texts that are the same date or date-time alike
   * ({@code 2020-01-01T06:13:00+00:00} and {@code 2020-01-01T06:13:00.000Z}), everything else exactly.
   */
  static boolean sameValue(JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (expected.isTextual() && actual.isTextual() && !expected.equals(actual)) {
      return sameInstant(expected.asText(), actual.asText());
    }
    return expected.equals(actual);
  }

  private static boolean sameInstant(String expected, String actual) {
    try {
      return Times.parse(expected).equals(Times.parse(actual));
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String some(Collection<String> keys) {
    return keys.stream().limit(KEYS_SHOWN).toList() + (keys.size() > KEYS_SHOWN ? "..." : "");
  }
}
