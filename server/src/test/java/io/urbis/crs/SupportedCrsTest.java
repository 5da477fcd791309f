package io.urbis.crs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which CRSs a collection offers: those whose area of use, widened as practice widens it, holds its data. */
class SupportedCrsTest {

  private static final Crs UTM_32 = Crs.epsg(25832);
  private static final Crs UTM_33 = Crs.epsg(25833);
  private static final Crs GAUSS_KRUEGER_3 = Crs.epsg(31467);
  private static final Crs WEB_MERCATOR = Crs.epsg(3857);
  private static final Crs WGS84 = Crs.epsg(4326);
  private static final Crs ETRS89 = Crs.epsg(4258);

  /** Wesel's LoD2 buildings, west of Gauss-Krueger zone 3 (7.5-10.5°E), in UTM zone 32 (6-12°E). */
  private static final LonLatBox WESEL = new LonLatBox(6.55, 51.6, 6.76, 51.76);
  /** Halle (Saale), on the boundary of UTM zones 32 and 33 at 12°E. */
  private static final LonLatBox HALLE = new LonLatBox(11.9, 51.4, 12.1, 51.55);

  @Test
  void weselListsUtm32AndGaussKruegerButNotUtm33() {
    List<Crs> offered = SupportedCrs.forData(25832, WESEL);
    assertAll(
        () -> assertTrue(offered.contains(UTM_32), offered::toString),
        () -> assertTrue(offered.contains(GAUSS_KRUEGER_3), "0.95° west of zone 3, as Gauss-Krueger was used"),
        () -> assertFalse(offered.contains(UTM_33), "5.4° west of zone 33"),
        () -> assertEquals(List.of(Crs.CRS84, WGS84, WEB_MERCATOR, UTM_32, GAUSS_KRUEGER_3, ETRS89), offered));
  }

  @Test
  void halleOnTheZoneBoundaryListsBothUtmZones() {
    List<Crs> offered = SupportedCrs.forData(25833, HALLE);
    assertTrue(offered.containsAll(List.of(UTM_32, UTM_33)), offered::toString);
  }

  @Test
  void aZoneIsOfferedUpToThreeDegreesBeyondItsEdge() {
    assertTrue(SupportedCrs.forData(4326, new LonLatBox(13.0, 48.5, 13.84, 48.9)).contains(UTM_32),
        "eastern Bavaria, which maps in UTM 32N by regulation");
    assertTrue(SupportedCrs.forData(4326, new LonLatBox(10.6, 53.8, 11.5, 54.2)).contains(UTM_33),
        "western Mecklenburg-Western Pomerania, which maps in UTM 33N");
    assertFalse(SupportedCrs.forData(4326, new LonLatBox(14.0, 51.0, 15.1, 51.5)).contains(UTM_32),
        "3.09° east of zone 32");
  }

  @Test
  void aWorldCollectionReachingThePolesListsOnlyGeographicCrss() {
    List<Crs> offered = SupportedCrs.forData(4326, LonLatBox.WORLD);
    assertEquals(List.of(Crs.CRS84, WGS84), offered);
    assertTrue(offered.stream().allMatch(Crs::geographic));
  }

  @Test
  void webMercatorEndsAt85Degrees() {
    assertTrue(SupportedCrs.forData(4326, new LonLatBox(-180, -85.06, 180, 85.06)).contains(WEB_MERCATOR));
    assertFalse(SupportedCrs.forData(4326, new LonLatBox(-70, -33, 40, 89.5)).contains(WEB_MERCATOR),
        "a point near the pole");
  }

  @Test
  void etrs89CoversEuropeOnly() {
    assertTrue(SupportedCrs.forData(4326, new LonLatBox(-9.2, 38.7, 28.0, 60.2)).contains(ETRS89));
    assertFalse(SupportedCrs.forData(4326, new LonLatBox(-74.1, 40.6, -73.7, 40.9)).contains(ETRS89), "New York");
  }

  @Test
  void theStorageCrsIsAlwaysListedLast() {
    assertEquals(List.of(Crs.CRS84, WGS84, Crs.epsg(2056)), SupportedCrs.forData(2056, LonLatBox.WORLD));
    assertEquals(UTM_33, last(SupportedCrs.forData(25833, WESEL)), "UTM 33N data in Wesel, however it came there");
    assertEquals(Crs.CRS84, SupportedCrs.forData(4326, WESEL).get(0));
  }

  @Test
  void withoutGeometriesEverySupportedCrsIsListed() {
    assertEquals(List.of(Crs.CRS84, WGS84, WEB_MERCATOR, UTM_32, UTM_33, GAUSS_KRUEGER_3, ETRS89),
        SupportedCrs.forData(25832, null));
  }

  @Test
  void aBoxAroundTheWorldHoldsEveryLongitude() {
    assertTrue(LonLatBox.WORLD.contains(new LonLatBox(-180.0000001, 0, 180.0000001, 1)));
    assertFalse(LonLatBox.WORLD.contains(new LonLatBox(0, -90.1, 1, 0)));
    assertFalse(new LonLatBox(6, 38.76, 12.01, 84.33).contains(new LonLatBox(11.9, 51, 12.1, 52)));
  }

  private static Crs last(List<Crs> list) {
    return list.get(list.size() - 1);
  }
}
