package io.urbis.source.geopackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.urbis.catalog.Collection;
import io.urbis.demo.DemoCity;
import io.urbis.query.Bbox;
import io.urbis.query.FeatureQuery;
import io.urbis.query.PageCursor;
import io.urbis.query.TimeInterval;
import io.urbis.source.SourceSettings;
import io.urbis.testdata.SharedData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** bbox and datetime selections, checked against brute force over every feature of the file. */
class GeoPackageSelectionTest {

  private static final GeometryFactory GEOMETRIES = new GeometryFactory();

  @TempDir static Path folder;
  private static Path demo;
  private static GeoPackageFeatureSource source;

  @BeforeAll
  static void openTheDemoTown() {
    demo = DemoCity.ensure(folder.resolve("demo.gpkg"));
    source = new GeoPackageFeatureSource(demo, SourceSettings.DEFAULTS);
  }

  @Test
  void selectsWhatAnExactIntersectsTestOverAllFeaturesSelects() throws Exception {
    for (String layer : List.of("buildings", "streets", "districts")) {
      Collection collection = GeoPackageFeatureSourceTest.collection(source, layer);
      checkBbox(demo, source, collection, new Bbox(8.118, 51.985, 8.131, 51.993), 97);
    }
  }

  @Test
  void aBoxWithoutHeightOrWidthSelectsWhatItsLineOrPointMeets() throws Exception {
    for (String layer : List.of("buildings", "streets")) {
      Collection collection = GeoPackageFeatureSourceTest.collection(source, layer);
      checkBbox(demo, source, collection, new Bbox(8.118, 51.989, 8.131, 51.989), 97);
    }
    Collection districts = GeoPackageFeatureSourceTest.collection(source, "districts");
    checkBbox(demo, source, districts, new Bbox(8.125, 51.989, 8.125, 51.989), 10);
  }

  @Test
  void pagesBackwardsAndByOffsetThroughABboxSelection() throws Exception {
    Collection buildings = GeoPackageFeatureSourceTest.collection(source, "buildings");
    Bbox bbox = new Bbox(8.11, 51.98, 8.14, 52.0);
    Function<PageCursor, PageWalker.Page> pageAt =
        cursor -> pageOf(buildings, new FeatureQuery(bbox, null, 40, cursor));
    PageWalker.Page first = pageAt.apply(null);
    PageWalker.Page second = pageAt.apply(first.paging().next());
    assertEquals(first.ids(), pageAt.apply(second.paging().prev()).ids());
    assertEquals(pageAt.apply(second.paging().next()).ids(), pageAt.apply(PageCursor.offset(80)).ids());
  }

  @Test
  void selectsAcrossTheAntimeridian() throws Exception {
    Optional<Path> naturalEarth = SharedData.file("cql2-ats/data/ne110m4cql2.gpkg");
    assumeTrue(naturalEarth.isPresent(), "shared Natural Earth GeoPackage not found beside the repository");
    try (GeoPackageFeatureSource world = new GeoPackageFeatureSource(naturalEarth.get(), SourceSettings.DEFAULTS)) {
      Collection countries = GeoPackageFeatureSourceTest.collection(world, "ne_110m_admin_0_countries");
      checkBbox(naturalEarth.get(), world, countries, new Bbox(170, -20, -170, 70), 13);
      checkBbox(naturalEarth.get(), world, countries, new Bbox(5, 45, 15, 55), 5);
    }
  }

  @Test
  void selectsDatesByInstantAndByOpenOrClosedInterval() throws Exception {
    Collection buildings = GeoPackageFeatureSourceTest.collection(source, "buildings");
    String someDate = firstRenovation();
    Instant day = Instant.parse(someDate + "T10:00:00Z");
    checkDatetime(buildings, new TimeInterval(day, day), "last_renovation = ?", someDate);
    TimeInterval decade =
        new TimeInterval(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2010-12-31T00:00:00Z"));
    checkDatetime(buildings, decade, "last_renovation BETWEEN ? AND ?", "2000-01-01", "2010-12-31");
    checkDatetime(buildings, new TimeInterval(Instant.parse("2015-06-01T00:00:00Z"), null),
        "last_renovation >= ?", "2015-06-01");
    checkDatetime(buildings, new TimeInterval(null, Instant.parse("1990-01-01T23:59:59Z")),
        "last_renovation <= ?", "1990-01-01");
  }

  @Test
  void selectsDateTimesRegardlessOfTheirTextFormat() throws Exception {
    Optional<Path> naturalEarth = SharedData.file("cql2-ats/data/ne110m4cql2.gpkg");
    assumeTrue(naturalEarth.isPresent(), "shared Natural Earth GeoPackage not found beside the repository");
    try (GeoPackageFeatureSource world = new GeoPackageFeatureSource(naturalEarth.get(), SourceSettings.DEFAULTS)) {
      Collection places = GeoPackageFeatureSourceTest.collection(world, "ne_110m_populated_places_simple");
      assertEquals("date", places.temporalProperty());
      Instant day = Instant.parse("2021-04-16T00:00:00Z");
      FeatureQuery onThatDay = new FeatureQuery(null, new TimeInterval(day, day), 10, null);
      assertEquals(List.of(168L), PageWalker.page(world, places, onThatDay).ids());
    }
  }

  private static PageWalker.Page pageOf(Collection collection, FeatureQuery query) {
    return PageWalker.page(source, collection, query);
  }

  private static void checkBbox(Path file, GeoPackageFeatureSource source, Collection collection, Bbox bbox, int limit)
      throws Exception {
    List<Long> expected = bruteForce(file, collection, bbox);
    assertFalse(expected.isEmpty(), "a bbox that selects nothing proves little");
    FeatureQuery query = new FeatureQuery(bbox, null, limit, null);
    assertEquals(expected, PageWalker.idsFollowingNext(source, collection, query), collection.id() + " " + bbox);
    assertEquals(expected.size(), PageWalker.page(source, collection, query).numberMatched().orElseThrow());
  }

  /** Every feature whose CRS84 geometry intersects the box (or either half of a box across the antimeridian). */
  private static List<Long> bruteForce(Path file, Collection collection, Bbox bbox) throws SQLException {
    GeoPackageGeometryReader reader = new GeoPackageGeometryReader();
    Crs84Reprojector reprojector = Crs84Reprojector.forSrid(collection.srid());
    List<Long> ids = new ArrayList<>();
    String sql = "SELECT fid, geom FROM \"" + collection.table() + "\" WHERE geom IS NOT NULL ORDER BY fid";
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        Geometry geometry = reprojector.toCrs84(reader.read(rows.getBytes(2)));
        boolean hit = bbox.splitAtAntimeridian().stream()
            .map(box -> GEOMETRIES.toGeometry(new Envelope(box.minX(), box.maxX(), box.minY(), box.maxY())))
            .anyMatch(geometry::intersects);
        if (hit) {
          ids.add(rows.getLong(1));
        }
      }
    }
    return ids;
  }

  private void checkDatetime(Collection collection, TimeInterval interval, String condition, String... values)
      throws Exception {
    List<Long> expected = idsWhere(condition, values);
    assertFalse(expected.isEmpty(), "a datetime that selects nothing proves little: " + interval);
    FeatureQuery query = new FeatureQuery(null, interval, 500, null);
    assertEquals(expected, PageWalker.idsFollowingNext(source, collection, query));
  }

  private static List<Long> idsWhere(String condition, String... values) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + demo);
        PreparedStatement statement =
            connection.prepareStatement("SELECT fid FROM buildings WHERE " + condition + " ORDER BY fid")) {
      for (int i = 0; i < values.length; i++) {
        statement.setString(i + 1, values[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
    }
    return ids;
  }

  private static String firstRenovation() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + demo);
        PreparedStatement statement = connection.prepareStatement(
            "SELECT last_renovation FROM buildings WHERE last_renovation IS NOT NULL ORDER BY fid LIMIT 1");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getString(1);
    }
  }
}
