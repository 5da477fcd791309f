package io.urbis.cql2;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.urbis.crs.Crs;
import io.urbis.cql2.ast.BboxLiteral;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.GeometryLiteral;
import io.urbis.cql2.ast.Property;
import io.urbis.cql2.ast.SpatialOperator;
import io.urbis.cql2.ast.SpatialPredicate;
import io.urbis.cql2.json.Cql2JsonParser;
import io.urbis.cql2.text.Cql2TextParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class FilterCrsTest {

  private static final Crs WGS84_LAT_LON = Crs.epsg(4326);
  private static final Crs UTM32 = Crs.epsg(25832);
  private static final Cql2Validator VALIDATOR =
      new Cql2Validator(new Queryables(Map.of("geom", QueryableType.GEOMETRY)));

  private static Expression intersects(Expression literal) {
    return new SpatialPredicate(SpatialOperator.S_INTERSECTS, new Property("geom"), literal);
  }

  private static GeometryLiteral wkt(String wkt, Crs crs) throws ParseException {
    return new GeometryLiteral(new WKTReader().read(wkt), crs);
  }

  private static Expression inCrs(String filter, Crs crs) {
    return FilterCrs.apply(Cql2TextParser.parse(filter), crs);
  }

  @Test
  void crs84FiltersStayAsParsed() {
    Expression parsed = Cql2TextParser.parse("S_INTERSECTS(geom, POINT(7 51))");
    assertEquals(parsed, FilterCrs.apply(parsed, Crs.CRS84));
  }

  @Test
  void aNorthFirstCrsHasItsLiteralsReadLatitudeFirst() throws ParseException {
    assertEquals(intersects(wkt("POLYGON((7 51, 8 51, 8 52, 7 51))", WGS84_LAT_LON)),
        inCrs("S_INTERSECTS(geom, POLYGON((51 7, 51 8, 52 8, 51 7)))", WGS84_LAT_LON));
    assertEquals(intersects(new BboxLiteral(List.of(7.0, 51.0, 8.0, 52.0), WGS84_LAT_LON)),
        inCrs("S_INTERSECTS(geom, BBOX(51, 7, 52, 8))", WGS84_LAT_LON));
    assertEquals(intersects(new BboxLiteral(List.of(7.0, 51.0, 0.0, 8.0, 52.0, 10.0), WGS84_LAT_LON)),
        inCrs("S_INTERSECTS(geom, BBOX(51, 7, 0, 52, 8, 10))", WGS84_LAT_LON));
  }

  @Test
  void anEastFirstCrsKeepsTheOrderAndTagsTheLiterals() throws ParseException {
    assertEquals(intersects(wkt("POINT(350000 5700000)", UTM32)),
        inCrs("S_INTERSECTS(geom, POINT(350000 5700000))", UTM32));
    assertEquals(intersects(wkt("POINT(350000 5700000)", UTM32)), FilterCrs.apply(Cql2JsonParser.parse(
        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},"
            + "{\"type\":\"Point\",\"coordinates\":[350000,5700000]}]}"), UTM32));
  }

  @Test
  void projectedCoordinatesNeedNotBeDegreesButMustFormABox() {
    assertDoesNotThrow(() -> VALIDATOR.validate(inCrs("S_WITHIN(geom, BBOX(350000, 5700000, 351000, 5701000))",
        UTM32)));
    Cql2ValidationException error = assertThrows(Cql2ValidationException.class,
        () -> VALIDATOR.validate(inCrs("S_WITHIN(geom, BBOX(351000, 5700000, 350000, 5701000))", UTM32)));
    assertEquals("the west edge of a BBOX must not lie east of its east edge in "
        + "http://www.opengis.net/def/crs/EPSG/0/25832", error.getMessage());
    assertFalse(new BboxLiteral(List.of(351000.0, 5700000.0, 350000.0, 5701000.0), UTM32).crossesAntimeridian());
  }

  @Test
  void geographicCoordinatesAreCheckedAfterTheSwap() {
    assertDoesNotThrow(() -> VALIDATOR.validate(inCrs("S_INTERSECTS(geom, POINT(-80 170))", WGS84_LAT_LON)));
    Cql2ValidationException error = assertThrows(Cql2ValidationException.class,
        () -> VALIDATOR.validate(inCrs("S_INTERSECTS(geom, POINT(170 -80))", WGS84_LAT_LON)));
    assertEquals("the coordinate (-80.0 170.0) lies outside http://www.opengis.net/def/crs/EPSG/0/4326: longitude "
        + "must be within -180..180 and latitude within -90..90", error.getMessage());
    assertDoesNotThrow(() -> VALIDATOR.validate(inCrs("S_INTERSECTS(geom, BBOX(-10, 170, 10, -170))",
        WGS84_LAT_LON)));
  }
}
