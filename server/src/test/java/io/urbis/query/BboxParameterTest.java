package io.urbis.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.crs.Crs;
import io.urbis.error.InvalidParameterException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BboxParameterTest {

  private final BboxParameter parameter = new BboxParameter(Crs.CRS84);

  @Test
  void fourNumbersAreLowerAndUpperCorner() {
    assertEquals(new Bbox(7.1, 51.2, 7.3, 51.4), parameter.parse("7.1,51.2,7.3,51.4"));
  }

  @Test
  void sixNumbersCarryAHeightRange() {
    assertEquals(new Bbox(7, 51, 8, 52, Crs.CRS84, new Bbox.Heights(-10, 100)), parameter.parse("7,51,-10,8,52,100"));
  }

  @Test
  void aBoxWhoseWestEdgeIsEastOfItsEastEdgeCrossesTheAntimeridian() {
    Bbox bbox = parameter.parse("170,-10,-170,10");
    assertTrue(bbox.crossesAntimeridian());
    assertEquals(2, bbox.splitAtAntimeridian().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1,2,3", "1,2,3,4,5", "a,b,c,d", "NaN,1,2,3", "Infinity,1,2,3", "1e309,1,2,3",
      "0x1p3,1,2,3", "1d,2,3,4", "1,,3,4", "1,91,2,92", "-181,0,1,1", "1,60,2,50", "1,2,30,3,4,20",
      "1,2,3,4;DROP TABLE x", ""})
  void malformedOrOutOfRangeBoxesAreRefused(String text) {
    InvalidParameterException error = assertThrows(InvalidParameterException.class, () -> parameter.parse(text));
    assertEquals(400, error.status());
    assertTrue(error.getMessage().contains("bbox"));
  }

  @Test
  void aLatitudeFirstCrsHasItsAxesSwappedToEastFirst() {
    Bbox bbox = new BboxParameter(Crs.epsg(4326)).parse("51.2,7.1,51.4,7.3");
    assertEquals(new Bbox(7.1, 51.2, 7.3, 51.4, Crs.epsg(4326)), bbox);
  }

  @Test
  void aProjectedBoxTakesMetres() {
    Bbox bbox = new BboxParameter(Crs.epsg(25832)).parse("440000,5760000,441000,5761000");
    assertEquals(440000, bbox.minX());
    assertEquals(5761000, bbox.maxY());
  }

  @Test
  void aProjectedBoxMustNotBeUpsideDown() {
    assertThrows(InvalidParameterException.class,
        () -> new BboxParameter(Crs.epsg(25832)).parse("441000,5760000,440000,5761000"));
  }
}
