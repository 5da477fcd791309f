package io.urbis.tiles.mvt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** The examples of the Mapbox Vector Tile specification 2.1, section 4.3.5, in tile coordinates (y down). */
class MvtGeometryEncoderTest {

  private final MvtGeometryEncoder encoder = new MvtGeometryEncoder();

  @Test
  void point() {
    checkCommands("POINT (25 17)", MvtGeometryEncoder.GeometryType.POINT, 9, 50, 34);
  }

  @Test
  void multiPoint() {
    checkCommands("MULTIPOINT ((5 7), (3 2))", MvtGeometryEncoder.GeometryType.POINT, 17, 10, 14, 3, 9);
  }

  @Test
  void lineString() {
    checkCommands("LINESTRING (2 2, 2 10, 10 10)", MvtGeometryEncoder.GeometryType.LINESTRING,
        9, 4, 4, 18, 0, 16, 16, 0);
  }

  @Test
  void polygonIsWrittenWithPositiveAreaAndClosePath() {
    // the specification's ring (3 6, 8 12, 20 34) is clockwise with y down; given reversed, it is turned back
    int[] expected = {9, 6, 12, 18, 10, 12, 24, 44, 15};
    checkCommands("POLYGON ((3 6, 8 12, 20 34, 3 6))", MvtGeometryEncoder.GeometryType.POLYGON, expected);
    checkCommands("POLYGON ((3 6, 20 34, 8 12, 3 6))", MvtGeometryEncoder.GeometryType.POLYGON, expected);
  }

  @Test
  void coordinatesAreRoundedAndRepeatsDropped() {
    checkCommands("LINESTRING (2.4 2.4, 2.2 2.1, 2 10.4)", MvtGeometryEncoder.GeometryType.LINESTRING,
        9, 4, 4, 10, 0, 16);
  }

  @Test
  void ringsThatCollapseOnTheGridAreDropped() {
    assertNull(encoder.encode(read("POLYGON ((1 1, 1.2 1.1, 1.1 1.3, 1 1))")));
    assertNull(encoder.encode(read("LINESTRING (1 1, 1.2 1.1)")));
  }

  private void checkCommands(String wkt, MvtGeometryEncoder.GeometryType type, int... commands) {
    MvtGeometryEncoder.EncodedGeometry encoded = encoder.encode(read(wkt));
    assertEquals(type, encoded.type());
    assertArrayEquals(commands, encoded.commands(), wkt);
  }

  private static Geometry read(String wkt) {
    try {
      return new WKTReader().read(wkt);
    } catch (ParseException e) {
      throw new IllegalArgumentException(wkt, e);
    }
  }
}
