package io.urbis.conformance.sources;

import static io.urbis.conformance.sources.Request.crsUri;
import static io.urbis.conformance.sources.Request.feature;
import static io.urbis.conformance.sources.Request.items;
import static io.urbis.conformance.support.Layer.BIG_BUILDINGS;
import static io.urbis.conformance.support.Layer.BUILDINGS;
import static io.urbis.conformance.support.Layer.DISTRICTS;
import static io.urbis.conformance.support.Layer.ISLANDS;
import static io.urbis.conformance.support.Layer.MIXED;
import static io.urbis.conformance.support.Layer.POI;
import static io.urbis.conformance.support.Layer.POI3D;
import static io.urbis.conformance.support.Layer.SENSORS;
import static io.urbis.conformance.support.Layer.STREETS;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Source;
import io.urbis.conformance.support.Urbis;
import io.urbis.conformance.support.UrbisExtension;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PostGIS database and the GeoPackage exported from it hold the same features, so the two servers must answer
 * the same request with the same features: the same keys in the same order over every next page, equal ids (not for
 * poi, whose text keys a GeoPackage cannot keep), equal properties, and geometries within 1e-7 degrees or 1 mm.
 * PostGIS's answer is the expected one. EPSG:4326 answers must also be each server's own CRS84 answer with the axes
 * swapped (latitude first).
 */
@ExtendWith(UrbisExtension.class)
@DisplayName("PostGIS and GeoPackage sources give the same answers")
class SameAnswersTest {

  private static final String BUILDINGS_BBOX_25832 = "bbox-crs=" + crsUri(25832) + "&bbox=356500,5645500,357000,5646000";
  private static final int SHOWN = 60;

  private final Api postgis;
  private final Api geoPackage;

  SameAnswersTest(Urbis urbis) {
    Assumptions.assumeTrue(Source.selected().containsAll(Arrays.asList(Source.values())),
        () -> "compares both sources, but -D" + Source.PROPERTY + "=" + System.getProperty(Source.PROPERTY));
    this.postgis = urbis.api(Source.POSTGIS);
    this.geoPackage = urbis.api(Source.GEOPACKAGE);
  }

  /**
   * Items pages with and without bbox, datetime, property filters, crs and bbox-crs, and single features. A bbox in
   * bbox-crs is in that CRS's axis order: northing first in EPSG:31467, latitude first in EPSG:4326.
   */
  static Stream<Request> requests() {
    return Stream.of(
        items(BUILDINGS, "limit=100"),
        items(BUILDINGS, "limit=50&bbox=6.96,50.935,6.97,50.94"),
        items(BUILDINGS, "limit=2&datetime=2012-01-12T00:00:00Z"),
        items(BUILDINGS, "limit=50&datetime=1970-01-01T00:00:00Z/1980-01-01T00:00:00Z"),
        items(BUILDINGS, "limit=50&datetime=../1960-01-01T00:00:00Z&bbox=6.955,50.935,6.975,50.945"),
        items(BUILDINGS, "limit=30&floors=8"),
        items(BUILDINGS, "limit=150&residential=false"),
        items(BUILDINGS, "name=Geb%C3%A4ude%2042"),
        items(BUILDINGS, "limit=100").in(25832),
        items(BUILDINGS, "limit=500").in(Request.WGS84),
        items(BUILDINGS, "limit=100&" + BUILDINGS_BBOX_25832),
        items(BUILDINGS, "limit=100&" + BUILDINGS_BBOX_25832).in(31467),
        items(BIG_BUILDINGS, "limit=100"),
        items(BIG_BUILDINGS, "limit=100&datetime=1970-01-01T00:00:00Z/1980-01-01T00:00:00Z").in(3857),
        items(STREETS, "limit=64"),
        items(STREETS, "limit=40&bbox=6.95,50.93,7.0,50.96").in(3857),
        items(STREETS, "oneway=true&lanes=2"),
        items(POI, "limit=60"),
        items(POI, "limit=40&bbox=6.95,50.93,6.99,50.95"),
        items(POI, "limit=20&category=museum").in(3857),
        items(POI3D, "limit=20"),
        items(POI3D, "bbox=6.9,50.9,50,7.1,51.0,100"),
        items(DISTRICTS, "limit=3"),
        items(DISTRICTS, "limit=3").in(31467),
        items(DISTRICTS, "bbox-crs=" + crsUri(31467) + "&bbox=5540000,3470000,5545000,3480000").in(4258),
        items(MIXED, "limit=7"),
        items(MIXED, "bbox=-30,20,11,52"),
        items(ISLANDS, "limit=15"),
        items(ISLANDS, "bbox=177,-20,-175,-12"),
        items(ISLANDS, "bbox=177,-20,-175,-12").in(Request.WGS84),
        items(SENSORS, "limit=10000"),
        items(SENSORS, "limit=1000&kind=water"),
        items(SENSORS, "limit=500&bbox-crs=" + crsUri(Request.WGS84) + "&bbox=50.85,6.9,50.9,6.95"),
        feature(BUILDINGS, "42"),
        feature(BUILDINGS, "42").in(25832),
        feature(DISTRICTS, "3").in(Request.WGS84),
        feature(MIXED, "8"),
        feature(POI, "poi-café"),
        feature(POI3D, "7"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  @DisplayName("same features, ids, properties and geometries")
  void sameAnswers(Request request) {
    Answer expected = Answer.of(postgis, request);
    assertFalse(expected.features().isEmpty(), request + " selects nothing on postgis: it would compare nothing");
    Answer actual = Answer.of(geoPackage, request);
    Stream<Executable> checks = Stream.of(() -> assertSame(request, "postgis (expected) and geopackage", expected,
        actual));
    if (request.epsg() == Request.WGS84) {
      checks = Stream.concat(checks, Stream.of(
          () -> assertLatitudeFirst(postgis, request, expected),
          () -> assertLatitudeFirst(geoPackage, request, actual)));
    }
    assertAll(request.toString(), checks);
  }

  /** An EPSG:4326 answer is the CRS84 answer of the same server with the axes swapped. */
  private static void assertLatitudeFirst(Api api, Request request, Answer answer) {
    Answer crs84 = Answer.of(api, request.inCrs84());
    assertSame(request, api.source().label() + " CRS84 answer with the axes swapped (expected) and EPSG:4326 answer",
        crs84.withAxesSwapped(answer.contentCrs()), answer);
  }

  private static void assertSame(Request request, String compared, Answer expected, Answer actual) {
    List<String> differences = AnswerDifferences.between(request, expected, actual);
    assertTrue(differences.isEmpty(), () -> request + ": " + compared + " differ (" + differences.size()
        + " findings):\n  " + String.join("\n  ", differences.subList(0, Math.min(SHOWN, differences.size())))
        + (differences.size() > SHOWN ? "\n  ..." : ""));
  }
}
