package io.urbis.source.geopackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class GeoJsonGeometryWriterTest {

  private final GeoJsonGeometryWriter writer = new GeoJsonGeometryWriter(7);

  @Test
  void writesSimpleTypesWithRoundedCoordinates() {
    checkWrite("POINT (7.123456789 51.98765432101)", "{\"type\":\"Point\",\"coordinates\":[7.1234568,51.9876543]}");
    checkWrite("LINESTRING (-0.00000001 1.5, -179.99999999 -90)",
        "{\"type\":\"LineString\",\"coordinates\":[[0,1.5],[-180,-90]]}");
    checkWrite("MULTIPOINT ((1 2), (3 4))", "{\"type\":\"MultiPoint\",\"coordinates\":[[1,2],[3,4]]}");
    checkWrite("MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))",
        "{\"type\":\"MultiLineString\",\"coordinates\":[[[1,2],[3,4]],[[5,6],[7,8]]]}");
  }

  @Test
  void writesPolygonsExteriorCounterClockwiseAndHolesClockwise() {
    checkWrite("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 4 2, 4 4, 2 2))",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[4,4],[4,2],[2,2]]]}");
    checkWrite("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 5 6, 6 6, 5 5)))",
        "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,6],[5,6],[5,5]]]]}");
  }

  @Test
  void writesHeightsRoundedToMillimetres() {
    checkWrite("POINT Z (1 2 3.45678)", "{\"type\":\"Point\",\"coordinates\":[1,2,3.457]}");
    checkWrite("LINESTRING Z (1 2 -0.0004, 3 4 100)",
        "{\"type\":\"LineString\",\"coordinates\":[[1,2,0],[3,4,100]]}");
  }

  @Test
  void writesMeasuresNotAtAll() {
    checkWrite("POINT M (1 2 3)", "{\"type\":\"Point\",\"coordinates\":[1,2]}");
  }

  @Test
  void writesCollectionsMemberByMember() {
    checkWrite("GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (3 4, 5 6))",
        "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[1,2]},"
            + "{\"type\":\"LineString\",\"coordinates\":[[3,4],[5,6]]}]}");
  }

  @Test
  void writesEmptyGeometriesAsNoGeometry() throws ParseException {
    assertNull(writer.write(new WKTReader().read("POLYGON EMPTY")));
    assertNull(writer.write(null));
  }

  @Test
  void honoursTheConfiguredPrecision() throws ParseException {
    String json = new GeoJsonGeometryWriter(2).write(new WKTReader().read("POINT (0.125 -0.999)"));
    assertEquals("{\"type\":\"Point\",\"coordinates\":[0.13,-1]}", json);
  }

  private void checkWrite(String wkt, String expectedJson) {
    try {
      assertEquals(expectedJson, writer.write(new WKTReader().read(wkt)));
    } catch (ParseException e) {
      throw new AssertionError(e);
    }
  }
}
