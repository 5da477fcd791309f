package io.urbis.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.error.InvalidParameterException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BboxParameterTest {

  private final BboxParameter parameter = new BboxParameter();

  @Test
  void fourNumbersAreLowerAndUpperCorner() {
    assertEquals(new Bbox(7.1, 51.2, 7.3, 51.4), parameter.parse("7.1,51.2,7.3,51.4"));
  }

  @Test
  void sixNumbersCarryHeightsThatAreIgnoredForSelection() {
    assertEquals(new Bbox(7, 51, 8, 52), parameter.parse("7,51,-10,8,52,100"));
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
}
