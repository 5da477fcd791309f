package io.urbis.conformance.filter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.FeaturePages;
import io.urbis.conformance.support.KeySets;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.OgcExceptions;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.UrbisTest;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code filter-crs} (OGC 19-079r2, /req/filter/filter-crs-param): the geometry literals of a filter are read in the
 * CRS it names, in that CRS's axis order (latitude first in EPSG:4326, northing first in EPSG:31467), and select what
 * the same geometry selects in CRS84; a CRS the collection does not list is a 400.
 */
@UrbisTest
@DisplayName("filter-crs")
class FilterCrsTest {

  private static final int CRS84 = 0;
  private static final int WGS84 = 4326;
  private static final int UTM32 = 25832;
  private static final int GAUSS_KRUEGER_3 = 31467;
  /** A triangle over part of the buildings, its edges running across some of them. */
  private static final String TRIANGLE = "POLYGON((6.9555 50.9345, 6.9695 50.9362, 6.9622 50.9451, 6.9555 50.9345))";

  private final Api api;
  private final Truth truth;

  FilterCrsTest(Api api, Truth truth) {
    this.api = api;
    this.truth = truth;
  }

  @Test
  @DisplayName("/conf/filter/filter-crs-param: a polygon in EPSG:25832 and in EPSG:4326 selects what it does in CRS84")
  void aPolygonSelectsTheSameInEveryCrs() {
    Set<String> expected = truth.keysIntersecting(Layer.BUILDINGS, WGS84, "ST_GeomFromText('" + TRIANGLE + "', 4326)");
    assertTrue(!expected.isEmpty() && expected.size() < truth.count(Layer.BUILDINGS), expected::toString);
    assertIntersects(Layer.BUILDINGS, TRIANGLE, CRS84, expected);
    assertIntersects(Layer.BUILDINGS, wkt("ST_Transform(ST_GeomFromText(?, 4326), 25832)", TRIANGLE), UTM32,
        expected);
    assertIntersects(Layer.BUILDINGS, wkt("ST_FlipCoordinates(ST_GeomFromText(?, 4326))", TRIANGLE), WGS84,
        expected);
  }

  @Test
  @DisplayName("/conf/filter/filter-crs-param: a point in EPSG:25832 and in EPSG:4326 selects the building it lies on")
  void aPointSelectsTheSameInEveryCrs() {
    double[] lonLat = truth.pointOnFeature(Layer.BUILDINGS, 100, WGS84);
    double[] utm = truth.pointOnFeature(Layer.BUILDINGS, 100, UTM32);
    Set<String> expected = truth.keysIntersecting(Layer.BUILDINGS, UTM32, point(utm[0], utm[1], UTM32));
    assertTrue(expected.size() == 1, expected::toString);
    assertIntersects(Layer.BUILDINGS, point(lonLat[0], lonLat[1]), CRS84, expected);
    assertIntersects(Layer.BUILDINGS, point(utm[0], utm[1]), UTM32, expected);
    assertIntersects(Layer.BUILDINGS, point(lonLat[1], lonLat[0]), WGS84, expected);
  }

  @Test
  @DisplayName("/conf/filter/filter-crs-param: a point in EPSG:31467 is read northing first")
  void aPointInGaussKruegerIsReadNorthingFirst() {
    double[] lonLat = truth.pointOnFeature(Layer.DISTRICTS, 3, WGS84);
    double[] eastNorth = truth.pointOnFeature(Layer.DISTRICTS, 3, GAUSS_KRUEGER_3);
    Set<String> expected =
        truth.keysIntersecting(Layer.DISTRICTS, GAUSS_KRUEGER_3, point(eastNorth[0], eastNorth[1], GAUSS_KRUEGER_3));
    assertTrue(expected.size() == 1, expected::toString);
    assertIntersects(Layer.DISTRICTS, point(lonLat[0], lonLat[1]), CRS84, expected);
    assertIntersects(Layer.DISTRICTS, point(eastNorth[1], eastNorth[0]), GAUSS_KRUEGER_3, expected);
  }

  @Test
  @DisplayName("/conf/filter/filter-crs-param: a BBOX in EPSG:4326 is latitude first and one in EPSG:25832 in metres")
  void aBboxIsReadInTheCrsAndItsAxisOrder() {
    Set<String> lonLatBox = truth.keysIntersecting(Layer.BUILDINGS, WGS84, "ST_MakeEnvelope(6.955, 50.935, 6.97, "
        + "50.945, 4326)");
    assertTrue(!lonLatBox.isEmpty(), "the box should hold buildings");
    assertIntersects(Layer.BUILDINGS, "BBOX(6.955, 50.935, 6.97, 50.945)", CRS84, lonLatBox);
    assertIntersects(Layer.BUILDINGS, "BBOX(50.935, 6.955, 50.945, 6.97)", WGS84, lonLatBox);
    assertIntersects(Layer.BUILDINGS, "BBOX(356500, 5645500, 357000, 5646000)", UTM32, truth.keysIntersecting(
        Layer.BUILDINGS, UTM32, "ST_MakeEnvelope(356500, 5645500, 357000, 5646000, 25832)"));
  }

  @Test
  @DisplayName("/conf/filter/filter-crs-param: a projected polygon selects CRS84 points the same way")
  void aProjectedPolygonSelectsLonLatData() {
    double[] centre = truth.pointOnFeature(Layer.SENSORS, 6000, UTM32);
    String square = "POLYGON((" + corner(centre, -1000, -1000) + ", " + corner(centre, 1000, -1000) + ", "
        + corner(centre, 1000, 1000) + ", " + corner(centre, -1000, 1000) + ", " + corner(centre, -1000, -1000) + "))";
    Set<String> expected = truth.keysIntersecting(Layer.SENSORS, UTM32, "ST_GeomFromText('" + square + "', 25832)");
    assertTrue(expected.size() > 10, expected::toString);
    assertIntersects(Layer.SENSORS, square, UTM32, expected);
  }

  @Test
  @DisplayName("/conf/filter/filter-crs-param: a CRS the collection does not list is a 400 naming those it does")
  void anUnlistedCrsIsRefused() {
    for (String crs : new String[] {"http://www.opengis.net/def/crs/EPSG/0/2056", "EPSG:99999", "no crs"}) {
      Reply reply = api.get(Layer.BUILDINGS.items() + "?filter=" + Api.encode("S_INTERSECTS(geom, POINT(1 2))")
          + "&filter-crs=" + Api.encode(crs));
      OgcExceptions.assertException(reply, 400);
      String description = reply.json().path("description").asText();
      assertTrue(description.contains("filter-crs") && description.contains(crsUri(UTM32)), description);
    }
  }

  /** Asserts that {@code S_INTERSECTS(geom, literal)} in that CRS (0: none given) selects exactly these keys. */
  private void assertIntersects(Layer layer, String literal, int srid, Set<String> expected) {
    String filter = "S_INTERSECTS(geom, " + literal + ")";
    String target = layer.items() + "?limit=" + KeySets.PAGE + "&filter=" + Api.encode(filter)
        + (srid == CRS84 ? "" : "&filter-crs=" + Api.encode(crsUri(srid)));
    KeySets.assertSame(expected, FeaturePages.keys(layer, FeaturePages.all(api, target)),
        api.source().label() + " " + filter + " in " + (srid == CRS84 ? "CRS84" : "EPSG:" + srid));
  }

  /** A geometry as PostGIS writes it after {@code sql} with the one bind {@code wkt}. */
  private String wkt(String sql, String wkt) {
    return truth.column("SELECT ST_AsText(" + sql + ")", wkt).get(0);
  }

  private static String point(double first, double second) {
    return "POINT(" + plain(first) + " " + plain(second) + ")";
  }

  private static String point(double east, double north, int srid) {
    return "ST_SetSRID(ST_MakePoint(" + plain(east) + ", " + plain(north) + "), " + srid + ")";
  }

  private static String corner(double[] centre, double east, double north) {
    return plain(centre[0] + east) + " " + plain(centre[1] + north);
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).toPlainString();
  }

  private static String crsUri(int code) {
    return "http://www.opengis.net/def/crs/EPSG/0/" + code;
  }
}
