package io.urbis.source.postgis;

import static io.urbis.testdata.StaleCrsList.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.SpatialExtent;
import io.urbis.crs.Crs;
import io.urbis.source.SourceSettings;
import io.urbis.testdata.StaleCrsList;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A point PostGIS cannot transform into EPSG:25832 (on the equator, 90° west of UTM 32N's central meridian) added to
 * points in Wesel after the collection's CRS list was drawn from their extent: every request that needs the point
 * in that CRS is the 400 of the parameter that named it, never a 500.
 */
class PostgisTransformFailuresTest {

  private static final Crs UTM_32 = Crs.epsg(25832);
  /** Points in Wesel, more than one fetch of a page; the far point comes after them in id order. */
  private static final int WESEL_POINTS = 1100;
  private static final String FAR_POINT = "5000";

  private static PostgisTestDatabase database;
  private static PostgisFeatureSource source;
  private static StaleCrsList points;

  @BeforeAll
  static void publish() throws Exception {
    database = new PostgisTestDatabase("fixture.sql");
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE far_points (id integer PRIMARY KEY, geom geometry(Point, 4326) NOT NULL);"
          + " INSERT INTO far_points SELECT i, ST_SetSRID(ST_MakePoint(6.6 + i * 0.0001, 51.66), 4326)"
          + " FROM generate_series(1, " + WESEL_POINTS + ") i;"
          + " INSERT INTO far_points VALUES (" + FAR_POINT + ", 'SRID=4326;POINT(-81 0)')");
    }
    source = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of());
    points = new StaleCrsList(source.discover().stream().filter(c -> c.id().equals("far_points")).findFirst()
        .orElseThrow(), new SpatialExtent(6.6, 51.66, 6.72, 51.66));
  }

  @AfterAll
  static void drop() throws Exception {
    source.close();
    database.close();
  }

  @Test
  void theListStillOffersTheCrsTheFarPointCannotBeWrittenIn() {
    assertTrue(points.collection().crs().contains(UTM_32), points.collection().crs()::toString);
  }

  @Test
  void aPageWithTheFarPointInTheRequestedCrsIsA400OfCrs() {
    assertRefused("crs", UTM_32, () -> points.page("crs", UTM_32.uri(), "bbox", "-82,-1,-80,1"));
  }

  @Test
  void aPageWhoseSecondFetchHoldsTheFarPointIsA400OfCrsToo() {
    assertRefused("crs", UTM_32, () -> points.page("crs", UTM_32.uri(), "limit", "10000"));
  }

  @Test
  void theFarPointAloneInTheRequestedCrsIsA400OfCrs() {
    assertRefused("crs", UTM_32, () -> source.get(points.collection(), FAR_POINT, UTM_32));
  }

  @Test
  void aFilterComparedInTheCrsIsA400OfFilterCrs() {
    assertRefused("filter-crs", UTM_32, () -> points.page("filter-crs", UTM_32.uri(),
        "filter", "S_INTERSECTS(geom, POINT(340000 5725000))"));
  }

  @Test
  void aBboxThatCannotBeMovedIntoTheStorageCrsIsA400OfBboxCrs() {
    assertRefused("bbox-crs", UTM_32, () -> points.page("bbox-crs", UTM_32.uri(),
        "bbox", "100000000,100000000,200000000,200000000", "crs", UTM_32.uri()));
  }

  @Test
  void inCrs84EveryPointIsWritten() {
    assertEquals(WESEL_POINTS + 1, points.page("limit", "10000"));
    assertEquals(WESEL_POINTS + 1, points.page("limit", "10000", "crs", Crs.epsg(4326).uri()));
  }
}
