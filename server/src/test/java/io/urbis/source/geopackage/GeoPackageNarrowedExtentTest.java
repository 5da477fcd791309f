package io.urbis.source.geopackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.urbis.access.AccessPolicy;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import io.urbis.catalog.DataExtent;
import io.urbis.catalog.SpatialExtent;
import io.urbis.config.AccessConfig;
import io.urbis.config.AccessConfig.Rule;
import io.urbis.demo.DemoCity;
import io.urbis.security.Caller;
import io.urbis.source.SourceSettings;
import io.urbis.testdata.Await;
import io.urbis.testdata.Gdal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extent a GeoPackage collection narrowed by a row filter shows: that of the rows the filter lets through, in
 * space and time, exactly as a file holding only them gives its whole extent, never the whole table's (an industrial
 * estate far from the demo town widens it), with the file's data version, following the data as it changes.
 */
class GeoPackageNarrowedExtentTest {

  private static final String ROW_FILTER = "function <> 'industrial'";
  private static final Duration FOLLOWING = Duration.ofSeconds(10);

  @TempDir static Path folder;
  private static Path file;
  private static Path copy;
  private static GeoPackageFeatureSource source;
  private static GeoPackageFeatureSource onlyVisibleRows;
  private static AccessPolicy policy;
  private static Collection whole;
  private static Collection citizens;
  private static Collection visibleRowsWhole;

  @BeforeAll
  static void openTheTownWithAFarEstateAndACopyOfTheRowsThePublicSees() throws Exception {
    assumeTrue(Gdal.has("ogr2ogr"), "GDAL's ogr2ogr writes the GeoPackage");
    file = Files.copy(DemoCity.ensure(folder.resolve("demo.gpkg")), folder.resolve("town.gpkg"));
    Gdal.append(building("industrial", 11.6, 47.8, "1850-06-01"), file, "buildings", 25832);
    source = new GeoPackageFeatureSource(file, SourceSettings.DEFAULTS);
    Catalog catalog = new Catalog(source.discover());
    policy = AccessPolicy.of(new AccessConfig(null, Map.of("buildings", Map.of(
        "public", new Rule("read", null, ROW_FILTER),
        "archivist", new Rule("read", List.of("last_renovation"), ROW_FILTER),
        "planner", Rule.of("read")))), catalog);
    whole = catalog.find("buildings").orElseThrow();
    citizens = buildingsOf("public");

    copy = Files.copy(file, folder.resolve("visible-rows.gpkg"));
    withoutInvisibleRowsAndRtree(copy, whole.geometryColumn());
    onlyVisibleRows = new GeoPackageFeatureSource(copy, SourceSettings.DEFAULTS);
    visibleRowsWhole = GeoPackageFeatureSourceTest.collection(onlyVisibleRows, "buildings");
  }

  /**
   * Leaves in the file only the rows the public sees, and no R-tree, whose single-precision boxes would round the
   * extent outwards: the whole extent is then read exactly from every geometry.
   */
  private static void withoutInvisibleRowsAndRtree(Path gpkg, String geometryColumn) throws Exception {
    String rtree = GeoPackageSql.rtreeName("buildings", geometryColumn);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
        Statement statement = connection.createStatement()) {
      // what CQL2's three-valued logic leaves out too: a row without a value is not selected
      statement.execute("DELETE FROM buildings WHERE function IS NULL OR NOT (" + ROW_FILTER + ")");
      List<String> triggers = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'"
          + " AND name LIKE '" + rtree + "%'")) {
        while (rows.next()) {
          triggers.add(rows.getString(1));
        }
      }
      for (String trigger : triggers) {
        statement.execute("DROP TRIGGER \"" + trigger + "\"");
      }
      statement.execute("DROP TABLE \"" + rtree + "\"");
      statement.execute("DELETE FROM gpkg_extensions WHERE table_name = 'buildings'"
          + " AND extension_name = 'gpkg_rtree_index'");
    }
  }

  @AfterAll
  static void close() {
    if (source != null) {
      source.close();
      onlyVisibleRows.close();
    }
  }

  @Test
  void aRowFilterThatLeavesTheFarEstateOutShrinksTheExtentToThatOfTheVisibleRows() {
    assertTrue(whole.spatialExtent().minLat() < 48, "the whole table reaches the estate: " + whole.spatialExtent());
    assertTrue(citizens.spatialExtent().minLat() > 50, "the public's extent: " + citizens.spatialExtent());
    assertEquals(onlyVisibleRows.extent(visibleRowsWhole).spatial(), citizens.spatialExtent(),
        "exactly the extent of a file of the visible rows alone");
  }

  @Test
  void theTemporalExtentIsThatOfTheVisibleRowsAndNoneWhenTheTemporalPropertyIsHidden() {
    assertEquals(onlyVisibleRows.extent(visibleRowsWhole).temporal(), citizens.temporalExtent());
    assertNotEquals(whole.temporalExtent(), citizens.temporalExtent(), "the estate was renovated first");
    String[] visible = SqliteValues.firstRow(copy, "SELECT min(last_renovation), max(last_renovation)"
        + " FROM buildings");
    assertEquals(Instant.parse(visible[0] + "T00:00:00Z"), citizens.temporalExtent().start());
    assertEquals(Instant.parse(visible[1] + "T00:00:00Z"), citizens.temporalExtent().end());

    Collection archivists = buildingsOf("archivist");
    assertNull(archivists.temporalExtent(), "last_renovation is hidden from archivists");
    assertNull(source.extent(archivists).temporal());
    assertEquals(citizens.spatialExtent(), archivists.spatialExtent());
  }

  @Test
  void theWholeCollectionKeepsItsDataAndTheNarrowedOneHasItsVersion() {
    assertEquals(whole.data(), buildingsOf("planner").data());
    assertEquals(whole.data().version(), citizens.data().version());
  }

  @Test
  void theExtentFollowsTheVisibleRowsAsTheDataChanges() throws Exception {
    SpatialExtent before = citizens.spatialExtent();
    String version = whole.data().version();
    Gdal.append(building("industrial", 8.5, 46.5, "2100-01-01"), file, "buildings", 25832);
    Await.until(() -> !version.equals(whole.data().version()), FOLLOWING, () -> "the file's version stayed");
    assertEquals(whole.data().version(), citizens.data().version());
    assertEquals(before, citizens.spatialExtent(), "an industrial building changes nothing the public sees");

    // a residential building far in the north-east, in the file and in the copy of the visible rows
    for (Path gpkg : List.of(file, copy)) {
      Gdal.append(building("residential", 9.5, 54, "2031-05-01"), gpkg, "buildings", 25832);
    }
    Await.until(() -> citizens.spatialExtent().maxLat() > 53.9, FOLLOWING,
        () -> "the public's extent is still " + citizens.spatialExtent());
    assertEquals(onlyVisibleRows.extent(visibleRowsWhole),
        new DataExtent(citizens.spatialExtent(), citizens.temporalExtent()));
    assertEquals(Instant.parse("2031-05-01T00:00:00Z"), citizens.temporalExtent().end());
  }

  private static Collection buildingsOf(String role) {
    return policy.viewOf(new Caller(role, Set.of(role))).catalog().find("buildings").orElseThrow();
  }

  /** A building of 10 m by 10 m (about) at a longitude and latitude, of a function, renovated on a day. */
  private static String building(String function, double lon, double lat, String renovated) {
    double side = 0.0001;
    return """
        {"type": "FeatureCollection", "features": [{"type": "Feature",
          "properties": {"function": "%s", "last_renovation": "%s"},
          "geometry": {"type": "Polygon", "coordinates": [[[%s, %s], [%s, %s], [%s, %s], [%s, %s]]]}}]}
        """.formatted(function, renovated, lon, lat, lon + side, lat, lon + side, lat + side, lon, lat);
  }
}
