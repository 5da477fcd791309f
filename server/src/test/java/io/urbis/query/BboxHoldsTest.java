package io.urbis.query;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.crs.Crs;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** {@link Bbox#holds}: whether a bbox can leave out nothing of data within an extent. */
class BboxHoldsTest {

  private static final Envelope EXTENT = new Envelope(6.9, 7.1, 50.9, 51.0);

  @Test
  void aBoxEqualToTheExtentHoldsIt() {
    assertTrue(new Bbox(6.9, 50.9, 7.1, 51.0).holds(EXTENT));
  }

  @Test
  void aLargerBoxHoldsIt() {
    assertTrue(new Bbox(-180, -90, 180, 90).holds(EXTENT));
    assertTrue(new Bbox(6.8999999, 50.8999999, 7.1000001, 51.0000001).holds(EXTENT));
  }

  @Test
  void aBoxSmallerOnAnySideDoesNot() {
    assertFalse(new Bbox(6.9000001, 50.9, 7.1, 51.0).holds(EXTENT), "west");
    assertFalse(new Bbox(6.9, 50.9000001, 7.1, 51.0).holds(EXTENT), "south");
    assertFalse(new Bbox(6.9, 50.9, 7.0999999, 51.0).holds(EXTENT), "east");
    assertFalse(new Bbox(6.9, 50.9, 7.1, 50.9999999).holds(EXTENT), "north");
    assertFalse(new Bbox(7, 50.95, 7.05, 50.97).holds(EXTENT), "inside");
    assertFalse(new Bbox(8, 50, 9, 52).holds(EXTENT), "beside");
  }

  @Test
  void aBoxAcrossTheAntimeridianHoldsWhatOneOfItsPartsHolds() {
    Bbox acrossThePacific = new Bbox(170, -20, -170, 20);
    assertTrue(acrossThePacific.holds(new Envelope(175, 179.5, -10, 10)), "west of the antimeridian");
    assertTrue(acrossThePacific.holds(new Envelope(-179.5, -171, -10, 10)), "east of it");
    assertFalse(acrossThePacific.holds(new Envelope(-179.5, 179.5, -10, 10)), "data on both sides spans the world");
    assertFalse(acrossThePacific.holds(EXTENT), "the gap between the parts");
    Bbox allButAStrip = new Bbox(7.0, -90, 6.95, 90);
    assertFalse(allButAStrip.holds(EXTENT), "all the world but a strip through the data");
    assertTrue(new Bbox(7.2, -90, 7.1, 90).holds(EXTENT), "the eastern part reaches the extent's east edge");
  }

  @Test
  void aBoxInAProjectedCrsHoldsAnExtentInThatCrs() {
    Envelope utm = new Envelope(356020, 356800, 5645000, 5645000);
    assertTrue(new Bbox(356020, 5645000, 356800, 5645000, Crs.epsg(25832)).holds(utm), "equal, of no height");
    assertTrue(new Bbox(356000, 5644000, 357000, 5646000, Crs.epsg(25832)).holds(utm));
    assertFalse(new Bbox(356021, 5644000, 357000, 5646000, Crs.epsg(25832)).holds(utm));
    assertFalse(new Bbox(357000, 5644000, 356000, 5646000, Crs.epsg(25832)).crossesAntimeridian(),
        "a projected box never crosses the antimeridian");
  }
}
