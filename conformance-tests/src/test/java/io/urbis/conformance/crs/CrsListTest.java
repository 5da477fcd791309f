package io.urbis.conformance.crs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.OgcExceptions;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.UrbisTest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * OGC 18-058r1 (Features Part 2) with CRS lists drawn from the data: a collection lists CRS84, its storage CRS and
 * those of the server's CRSs whose area of use, widened by 3° as practice widens it, holds its extent. Points all over
 * the world (the fixture's {@code world}: on the equator 90° from UTM 32N's central meridian, at the antimeridian,
 * near the poles) list only CRS84 and WGS 84; any other CRS is a 400 for {@code crs}, {@code bbox-crs} and
 * {@code filter-crs} alike, never a 500 or a coordinate of null.
 */
@UrbisTest
@DisplayName("CRS lists drawn from the data")
class CrsListTest {

  private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  private static final String WGS84 = epsg(4326);
  private static final String WEB_MERCATOR = epsg(3857);
  private static final String UTM_32 = epsg(25832);
  private static final String UTM_33 = epsg(25833);
  private static final String GAUSS_KRUEGER_3 = epsg(31467);

  private final Api api;

  CrsListTest(Api api) {
    this.api = api;
  }

  @Test
  @DisplayName("/conf/crs/fc-md-crs-list: points all over the world list only CRS84 and WGS 84")
  void worldWidePointsListOnlyGeographicCrss() {
    JsonNode world = api.json("/collections/world");
    assertEquals(List.of(CRS84, WGS84), crs(world));
    assertEquals(CRS84, world.path("storageCrs").asText());
    JsonNode listed = Json.elements(api.json("/collections").get("collections")).stream()
        .filter(c -> c.path("id").asText().equals("world")).findFirst().orElseThrow();
    assertEquals(crs(world), crs(listed), "/collections and /collections/world");
  }

  @Test
  @DisplayName("/conf/crs/fc-md-crs-list: German city data lists its UTM zone and Gauss-Krueger zone 3, not UTM 33N")
  void cityDataListsTheCrssOfItsRegion() {
    List<String> buildings = crs(api.json("/collections/buildings"));
    List<String> districts = crs(api.json("/collections/districts"));
    List<String> islands = crs(api.json("/collections/islands"));
    assertAll(
        () -> assertEquals(List.of(CRS84, WGS84, WEB_MERCATOR, UTM_32, GAUSS_KRUEGER_3, epsg(4258)), buildings,
            "Cologne, 6.95°E: 0.55° west of Gauss-Krueger zone 3, 5° west of UTM 33N"),
        () -> assertTrue(districts.containsAll(List.of(GAUSS_KRUEGER_3, UTM_32)) && !districts.contains(UTM_33),
            "Frankfurt: " + districts),
        () -> assertEquals(List.of(CRS84, WGS84, WEB_MERCATOR), islands, "Fiji and Tonga, within 85° of the equator"));
  }

  @Test
  @DisplayName("/conf/crs/fc-crs-valid-value: a CRS the collection does not list is a 400 with the list, for every "
      + "CRS parameter")
  void anUnlistedCrsIsA400WithTheList() {
    String items = Layer.WORLD.items();
    String intersects = Api.encode("S_INTERSECTS(geom, POINT(340000 5725000))");
    Stream<Executable> world = Stream.of(UTM_32, UTM_33, GAUSS_KRUEGER_3, WEB_MERCATOR, epsg(4258)).flatMap(crs -> {
      String uri = Api.encode(crs);
      return Stream.of(
          () -> assertRefused(items + "?crs=" + uri, "crs", "[" + CRS84 + ", " + WGS84 + "]"),
          () -> assertRefused(items + "/2?crs=" + uri, "crs", "[" + CRS84 + ", " + WGS84 + "]"),
          () -> assertRefused(items + "?bbox-crs=" + uri + "&bbox=340000,5725000,341000,5726000", "bbox-crs",
              "[" + CRS84 + ", " + WGS84 + "]"),
          () -> assertRefused(items + "?filter-crs=" + uri + "&filter=" + intersects, "filter-crs",
              "[" + CRS84 + ", " + WGS84 + "]"));
    });
    Stream<Executable> city = Stream.of(
        () -> assertRefused(Layer.BUILDINGS.items() + "?crs=" + Api.encode(UTM_33), "crs", GAUSS_KRUEGER_3),
        () -> assertRefused(Layer.BUILDINGS.items() + "?bbox-crs=" + Api.encode(UTM_33)
            + "&bbox=300000,5640000,310000,5650000", "bbox-crs", GAUSS_KRUEGER_3));
    assertAll(Stream.concat(world, city));
  }

  @Test
  @DisplayName("every CRS a collection lists writes each of its features in finite numbers")
  void everyListedCrsWritesFiniteCoordinates() {
    assertAll(Arrays.stream(Layer.values()).flatMap(layer -> crs(api.json("/collections/" + layer.id())).stream()
        .map(crs -> () -> {
          Reply reply = api.get(layer.items() + "?limit=100&crs=" + Api.encode(crs));
          assertEquals(200, reply.status(), reply::describe);
          Json.elements(reply.json().get("features")).forEach(feature -> assertFinite(feature.path("geometry"),
              layer.id() + " feature " + feature.path("id") + " in " + crs));
        })));
  }

  private void assertRefused(String target, String parameter, String allowed) {
    Reply reply = api.get(target);
    OgcExceptions.assertException(reply, 400);
    String description = reply.json().path("description").asText();
    assertTrue(description.startsWith("Parameter '" + parameter + "'") && description.contains(allowed),
        target + ": " + description);
  }

  /** Every number of a GeoJSON geometry's coordinates (of its members too) is a finite number. */
  private static void assertFinite(JsonNode geometry, String what) {
    if (geometry.isNull()) {
      return;
    }
    Json.elements(geometry.get("geometries")).forEach(member -> assertFinite(member, what));
    assertNumbers(geometry.path("coordinates"), what);
  }

  private static void assertNumbers(JsonNode coordinates, String what) {
    if (coordinates.isArray()) {
      coordinates.forEach(member -> assertNumbers(member, what));
    } else if (!coordinates.isMissingNode()) {
      assertTrue(coordinates.isNumber() && Double.isFinite(coordinates.asDouble()), what + ": " + coordinates);
    }
  }

  private static List<String> crs(JsonNode collection) {
    List<String> uris = Json.elements(collection.get("crs")).stream().map(JsonNode::asText).toList();
    assertFalse(uris.isEmpty(), "no crs list: " + collection);
    return uris;
  }

  private static String epsg(int code) {
    return "http://www.opengis.net/def/crs/EPSG/0/" + code;
  }
}
