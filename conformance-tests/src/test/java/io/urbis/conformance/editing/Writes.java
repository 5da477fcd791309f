package io.urbis.conformance.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.EditedData;
import io.urbis.conformance.support.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Requests of the editing tests: bodies, credentials, and the writes other tests start from. */
final class Writes {

  static final String GEOJSON = "application/geo+json";
  static final String MERGE_PATCH = "application/merge-patch+json";
  static final String UTM = "http://www.opengis.net/def/crs/EPSG/0/25832";
  static final String WGS84 = "http://www.opengis.net/def/crs/EPSG/0/4326";
  static final String BUILDINGS = "/collections/editing.buildings/items";

  private Writes() {}

  /** A building of 10 m square at its south-west corner, as GeoJSON in UTM 32N (with {@code Content-Crs}). */
  static String building(String name, double easting, double northing, String properties) {
    return String.format(Locale.ROOT, "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\":"
        + " [[[%.3f, %.3f], [%.3f, %.3f], [%.3f, %.3f], [%.3f, %.3f], [%.3f, %.3f]]]}, \"properties\":"
        + " {\"name\": \"%s\"%s}}", easting, northing, easting + 10, northing, easting + 10, northing + 10, easting,
        northing + 10, easting, northing, name, properties.isEmpty() ? "" : ", " + properties);
  }

  /** The headers of the planner, who writes everything, followed by {@code more}. */
  static String[] planner(String... more) {
    return with("X-API-Key", EditedData.PLANNER, more);
  }

  static String[] surveyor(String... more) {
    return with("X-API-Key", EditedData.SURVEYOR, more);
  }

  static String[] viewer(String... more) {
    return with("X-API-Key", EditedData.VIEWER, more);
  }

  /** {@code name, value} followed by {@code more}. */
  static String[] with(String name, String value, String... more) {
    List<String> headers = new ArrayList<>(List.of(name, value));
    headers.addAll(List.of(more));
    return headers.toArray(String[]::new);
  }

  /** Creates a building as the planner (coordinates in UTM 32N) and returns its id. */
  static String created(Api api, String body) {
    Reply reply = api.send("POST", BUILDINGS, body, planner("Content-Type", GEOJSON, "Content-Crs", "<" + UTM + ">"));
    assertEquals(201, reply.status(), reply::describe);
    String location = reply.header("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /** The ETag of a reply, which must have one. */
  static String etag(Reply reply) {
    return reply.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + reply.describe()));
  }
}
