package io.urbis.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;

/** Coordinates proj4j cannot project, or projects into numbers that mean nothing, never pass as coordinates. */
class CoordinateTransformFilterTest {

  private static final CRSFactory FACTORY = new CRSFactory();
  private static final CoordinateReferenceSystem WGS84 = FACTORY.createFromName("EPSG:4326");
  private static final GeometryFactory GEOMETRIES = new GeometryFactory();

  @ParameterizedTest(name = "({1} {2}) in EPSG:{0}")
  @CsvSource({
      "25832, -81, 0",    // 90° from the central meridian on the equator: infinite
      "25832, 99, 0",
      "31467, -180, 0",   // proj4j: "Latitude is out of range"
      "31467, -150, -60"}) // finite, but it leads back to 53.5°E 16.1°N
  void aCoordinateOutsideTheDomainIsRefused(int srid, double lon, double lat) {
    Geometry point = point(lon, lat);
    assertThrows(OutsideDomainException.class,
        () -> point.apply(CoordinateTransformFilter.strictReturning(into(srid), from(srid))));
  }

  @Test
  void aNonFiniteResultIsRefusedEvenWithoutTheWayBack() {
    assertThrows(OutsideDomainException.class,
        () -> point(-81, 0).apply(CoordinateTransformFilter.strict(into(25832))));
  }

  @ParameterizedTest(name = "({1} {2}) in EPSG:{0}")
  @CsvSource({"25832, 6.62, 51.66", "25832, 15.0, 50.0", "31467, 6.62, 51.66", "3857, 179.9, -85", "25833, 12, 46"})
  void aCoordinateWithinReachIsProjectedAndComesBack(int srid, double lon, double lat) {
    Geometry point = point(lon, lat);
    point.apply(CoordinateTransformFilter.strictReturning(into(srid), from(srid)));
    Coordinate projected = point.getCoordinate();
    assertTrue(Double.isFinite(projected.x) && Math.abs(projected.x) > 1000, projected::toString);
  }

  @Test
  void whereTilesAreDrawnACoordinateOutsideTheDomainBecomesNaN() {
    Geometry point = point(-81, 0);
    point.apply(CoordinateTransformFilter.outsideDomainAsNaN(into(25832)));
    assertTrue(Double.isNaN(point.getCoordinate().x) && Double.isNaN(point.getCoordinate().y));
  }

  @Test
  void heightsAreKept() {
    Geometry point = GEOMETRIES.createPoint(new Coordinate(6.62, 51.66, 42.5));
    point.apply(CoordinateTransformFilter.strictReturning(into(25832), from(25832)));
    assertEquals(42.5, point.getCoordinate().getZ());
  }

  private static Geometry point(double lon, double lat) {
    return GEOMETRIES.createPoint(new Coordinate(lon, lat));
  }

  private static CoordinateTransform into(int srid) {
    return new BasicCoordinateTransform(WGS84, FACTORY.createFromName("EPSG:" + srid));
  }

  private static CoordinateTransform from(int srid) {
    return new BasicCoordinateTransform(FACTORY.createFromName("EPSG:" + srid), WGS84);
  }
}
