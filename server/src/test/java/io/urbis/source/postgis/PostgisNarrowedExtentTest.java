package io.urbis.source.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.access.AccessPolicy;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.catalog.Collection;
import io.urbis.catalog.DataExtent;
import io.urbis.catalog.SpatialExtent;
import io.urbis.catalog.TemporalExtent;
import io.urbis.config.AccessConfig;
import io.urbis.security.Caller;
import io.urbis.source.SourceSettings;
import io.urbis.testdata.Await;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The extent a collection narrowed by a row filter shows, read from PostGIS: that of the rows the filter lets through,
 * in space and time, never the whole table's (whose edges private buildings hold), with the table's own data version,
 * following the data as it changes.
 */
class PostgisNarrowedExtentTest {

  private static final String MUNICIPAL = "owner_type = 'municipal'";
  /** The rows surveyors see: the western buildings, by a box in CRS84 (the table is in EPSG:25832). */
  private static final String SURVEYORS_ROWS = "S_INTERSECTS(geom, BBOX(8.12, 51.987, 8.1291, 51.989))";
  private static final String SURVEYORS_SQL =
      "ST_Intersects(ST_Transform(geom, 4326), ST_MakeEnvelope(8.12, 51.987, 8.1291, 51.989, 4326))";
  /** How long the statistics may take to show a commit to other sessions, and the extents to follow it. */
  private static final Duration FOLLOWING = Duration.ofSeconds(20);

  private static PostgisTestDatabase database;
  private static PostgisFeatureSource source;
  private static AccessPolicy policy;
  private static Collection whole;
  private static Collection citizens;
  /** The rows citizens see, alone in a table of their own. */
  private static Collection municipalOnly;

  @BeforeAll
  static void publish() throws Exception {
    database = new PostgisTestDatabase("narrowed-extent.sql");
    source = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of("public"));
    Catalog catalog = new CatalogBuilder().add("city", source).build();
    policy = AccessPolicy.of(new AccessConfig(null, Map.of("buildings", Map.of(
        "public", new AccessConfig.Rule("read", null, MUNICIPAL),
        "archivist", new AccessConfig.Rule("read", List.of("built"), MUNICIPAL),
        "surveyor", new AccessConfig.Rule("read", null, SURVEYORS_ROWS),
        "planner", AccessConfig.Rule.of("read")))), catalog);
    whole = catalog.find("buildings").orElseThrow();
    citizens = buildingsOf("public");
    municipalOnly = catalog.find("municipal_buildings").orElseThrow();
  }

  @AfterAll
  static void drop() throws Exception {
    source.close();
    database.close();
  }

  @Test
  void aRowFilterThatLeavesTheFarEstateOutShrinksTheExtentToThatOfTheVisibleRows() {
    assertTrue(whole.spatialExtent().minLat() < 48, "the whole table reaches the estate: " + whole.spatialExtent());
    assertTrue(citizens.spatialExtent().minLat() > 51.9, "the public's extent: " + citizens.spatialExtent());
    assertEquals(source.extent(municipalOnly).spatial(), citizens.spatialExtent(),
        "exactly the extent of a table of the visible rows alone");
  }

  @Test
  void theTemporalExtentIsThatOfTheVisibleRowsAndNoneWhenTheTemporalPropertyIsHidden() throws Exception {
    TemporalExtent visible = new TemporalExtent(day("SELECT min(built) FROM buildings WHERE " + MUNICIPAL),
        day("SELECT max(built) FROM buildings WHERE " + MUNICIPAL));
    assertEquals(visible, citizens.temporalExtent());
    assertEquals(source.extent(municipalOnly).temporal(), citizens.temporalExtent());
    assertNotEquals(whole.temporalExtent(), citizens.temporalExtent(), "the estate and the newest are private");

    Collection archivists = buildingsOf("archivist");
    assertNull(archivists.temporalProperty());
    assertNull(archivists.temporalExtent(), "built is hidden from archivists");
    assertNull(source.extent(archivists).temporal());
    assertEquals(citizens.spatialExtent(), archivists.spatialExtent());
  }

  @Test
  void aRowFilterByABoxInCrs84GivesTheBoxOfTheBuildingsItMeets() throws Exception {
    Collection surveyors = buildingsOf("surveyor");
    SpatialExtent exact;
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM"
            + " (SELECT ST_Extent(ST_Transform(geom, 4326)) AS e FROM buildings WHERE " + SURVEYORS_SQL + ") x")) {
      rows.next();
      exact = new SpatialExtent(rows.getDouble(1), rows.getDouble(2), rows.getDouble(3), rows.getDouble(4));
    }
    SpatialExtent shown = surveyors.spatialExtent();
    // the box of the rows in the storage CRS, projected: it holds them and strays from their own box by the turn of
    // the grid against the meridians over a few hundred metres
    double stray = 0.0005;
    assertTrue(shown.minLon() <= exact.minLon() && shown.minLon() > exact.minLon() - stray, shown + " " + exact);
    assertTrue(shown.minLat() <= exact.minLat() && shown.minLat() > exact.minLat() - stray, shown + " " + exact);
    assertTrue(shown.maxLon() >= exact.maxLon() && shown.maxLon() < exact.maxLon() + stray, shown + " " + exact);
    assertTrue(shown.maxLat() >= exact.maxLat() && shown.maxLat() < exact.maxLat() + stray, shown + " " + exact);
    assertTrue(shown.maxLon() < citizens.spatialExtent().maxLon(), "the western buildings only");
  }

  @Test
  void theVersionIsTheTablesAndViewsNarrowingAlikeShareTheirData() {
    assertEquals(whole.data().version(), citizens.data().version());
    assertSame(citizens.data(), policy.viewOf(new Caller("visitor", Set.of("public", "visitor"))).catalog()
        .find("buildings").orElseThrow().data(), "the same rows of the same table: read once per version");
    assertSame(whole.data(), buildingsOf("planner").data(), "the whole collection keeps its own");
  }

  @Test
  void theExtentFollowsTheVisibleRowsAsTheDataChanges() throws Exception {
    SpatialExtent before = citizens.spatialExtent();
    String version = whole.data().version();
    execute("INSERT INTO buildings VALUES (200, 'private tower', 'private', date '2100-01-01',"
        + " ST_MakeEnvelope(440000, 5300000, 440030, 5300030, 25832))");
    Await.until(() -> !version.equals(whole.data().version()), FOLLOWING, () -> "the table's version stayed");
    assertEquals(whole.data().version(), citizens.data().version());
    assertEquals(before, citizens.spatialExtent(), "a private building changes nothing the public sees");
    assertEquals(source.extent(municipalOnly).temporal(), citizens.temporalExtent());

    // a municipal building far in the north-east (about 9.5°E 54°N), in the table and in the copy of visible rows
    for (String table : List.of("buildings", "municipal_buildings")) {
      execute("INSERT INTO " + table + " VALUES (201, 'municipal harbour', 'municipal', date '2030-01-01',"
          + " ST_MakeEnvelope(533000, 5983000, 533050, 5983050, 25832))");
    }
    Await.until(() -> citizens.spatialExtent().maxLat() > 53.9, FOLLOWING,
        () -> "the public's extent is still " + citizens.spatialExtent());
    assertEquals(source.extent(municipalOnly),
        new DataExtent(citizens.spatialExtent(), citizens.temporalExtent()));
    assertEquals(day("SELECT date '2030-01-01'"), citizens.temporalExtent().end());
  }

  private static Collection buildingsOf(String role) {
    return policy.viewOf(new Caller(role, Set.of(role))).catalog().find("buildings").orElseThrow();
  }

  private static Instant day(String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getObject(1, LocalDate.class).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
