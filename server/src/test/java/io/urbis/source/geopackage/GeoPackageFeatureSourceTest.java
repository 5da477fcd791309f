package io.urbis.source.geopackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.catalog.Collection;
import io.urbis.crs.Crs;
import io.urbis.catalog.GeometryType;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import io.urbis.demo.DemoCity;
import io.urbis.query.FeatureQuery;
import io.urbis.query.PageCursor;
import io.urbis.query.Paging;
import io.urbis.query.PropertyFilter;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import io.urbis.source.SourceSettings;
import io.urbis.testdata.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source on the generated demo town: discovery, feature encoding, paging and failures. */
class GeoPackageFeatureSourceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path folder;
  private static GeoPackageFeatureSource source;
  private static Collection buildings;

  @BeforeAll
  static void openTheDemoTown() {
    source = new GeoPackageFeatureSource(DemoCity.ensure(folder.resolve("demo.gpkg")), SourceSettings.DEFAULTS);
    buildings = collection(source, "buildings");
  }

  @AfterAll
  static void close() {
    source.close();
  }

  @Test
  void propertyFiltersSelectWhatSqliteSelects() throws Exception {
    List<PropertyFilter> filters = List.of(new PropertyFilter("function", "commercial"),
        new PropertyFilter("storeys", 3L));
    List<Long> found = PageWalker.idsFollowingNext(source, buildings,
        new FeatureQuery(null, null, 50, null, filters));
    List<Long> truth = new java.util.ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("demo.gpkg"));
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery(
            "SELECT fid FROM buildings WHERE function = 'commercial' AND storeys = 3 ORDER BY fid")) {
      while (rows.next()) {
        truth.add(rows.getLong(1));
      }
    }
    assertFalse(truth.isEmpty());
    assertEquals(truth, found);
  }

  @Test
  void aDatePropertyFilterComparesDays() {
    String day = firstRenovationDay();
    List<PropertyFilter> filters = List.of(new PropertyFilter("last_renovation", java.time.LocalDate.parse(day)));
    assertFalse(PageWalker.idsFollowingNext(source, buildings, new FeatureQuery(null, null, 50, null, filters))
        .isEmpty());
  }

  private static String firstRenovationDay() {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("demo.gpkg"));
        Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT min(last_renovation) FROM buildings")) {
      rows.next();
      return rows.getString(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void discoversEveryFeatureTableWithItsSchema() {
    List<Collection> collections = source.discover();
    assertEquals(List.of("districts", "streets", "buildings"), collections.stream().map(Collection::id).toList());
    assertEquals("Buildings", buildings.title());
    assertTrue(buildings.description().contains("not a real city"));
    assertEquals("fid", buildings.idColumn());
    assertEquals(JsonType.INTEGER, buildings.idType());
    assertEquals("geom", buildings.geometryColumn());
    assertEquals(GeometryType.POLYGON, buildings.geometryType());
    assertEquals(25832, buildings.srid());
    assertFalse(buildings.is3d());
    assertEquals(List.of(
        new Property("height_m", JsonType.NUMBER), new Property("storeys", JsonType.INTEGER),
        new Property("year_built", JsonType.INTEGER), new Property("function", JsonType.STRING),
        new Property("heat_demand_kwh_a", JsonType.INTEGER), new Property("district", JsonType.STRING),
        new Property("last_renovation", JsonType.DATE), new Property("street", JsonType.STRING),
        new Property("house_number", JsonType.STRING), new Property("building_type", JsonType.STRING),
        new Property("energy_carrier", JsonType.STRING), new Property("heating_system", JsonType.STRING)),
        buildings.properties());
    assertEquals("last_renovation", buildings.temporalProperty());
    assertEquals(GeometryType.LINESTRING, collection(source, "streets").geometryType());
    assertEquals(source, buildings.source());
  }

  @Test
  void reportsExtentsInCrs84() {
    double[] extent = buildings.spatialExtent().toArray();
    assertTrue(extent[0] > 8.0 && extent[2] < 8.3 && extent[1] > 51.9 && extent[3] < 52.1, List.of(extent).toString());
    assertTrue(extent[0] < extent[2] && extent[1] < extent[3]);
    assertTrue(buildings.temporalExtent().start().isBefore(buildings.temporalExtent().end()));
  }

  @Test
  void encodesFeaturesAsGeoJsonParts() throws Exception {
    EncodedFeature feature = source.get(buildings, "1", Crs.CRS84).orElseThrow();
    assertEquals(1L, feature.id());
    JsonNode geometry = JSON.readTree(feature.geometryJson());
    assertEquals("Polygon", geometry.path("type").asText());
    double lon = geometry.path("coordinates").path(0).path(0).path(0).asDouble();
    assertTrue(lon > 8.0 && lon < 8.3, "longitude first: " + feature.geometryJson());
    JsonNode properties = JSON.readTree(feature.propertiesJson());
    assertTrue(properties.path("height_m").isNumber());
    assertTrue(properties.path("storeys").isIntegralNumber());
    assertTrue(properties.path("district").isTextual());
    assertTrue(properties.path("last_renovation").isTextual() || properties.path("last_renovation").isNull());
  }

  @Test
  void typesPropertyValuesByTheirDeclaredColumnType() throws Exception {
    Optional<Path> naturalEarth = SharedData.file("cql2-ats/data/ne110m4cql2.gpkg");
    assumeTrue(naturalEarth.isPresent(), "shared Natural Earth GeoPackage not found beside the repository");
    try (GeoPackageFeatureSource world = new GeoPackageFeatureSource(naturalEarth.get(), SourceSettings.DEFAULTS)) {
      Collection places = collection(world, "ne_110m_populated_places_simple");
      JsonNode properties = JSON.readTree(world.get(places, "168", Crs.CRS84).orElseThrow().propertiesJson());
      assertEquals("København", properties.path("name").asText());
      assertTrue(properties.path("boolean").isBoolean());
      assertTrue(properties.path("pop_max").isIntegralNumber());
      assertEquals("2021-04-16", properties.path("date").asText());
      assertEquals("2021-04-16T10:15:59", properties.path("start").asText());
      assertTrue(properties.path("note").isNull());
    }
  }

  @Test
  void findsNoFeatureForIdsThatAreNotIntegersOrNotThere() {
    assertTrue(source.get(buildings, "abc", Crs.CRS84).isEmpty());
    assertTrue(source.get(buildings, "999999", Crs.CRS84).isEmpty());
    assertTrue(source.get(buildings, "1.5", Crs.CRS84).isEmpty());
  }

  @Test
  void pagesThroughEveryFeatureExactlyOnceByNextCursors() throws Exception {
    List<Long> ids = PageWalker.idsFollowingNext(source, buildings, new FeatureQuery(null, null, 700, null));
    long count;
    try (FeatureStream stream = source.query(buildings, new FeatureQuery(null, null, 10, null))) {
      count = stream.numberMatched().orElseThrow();
    }
    assertEquals(count, ids.size());
    assertEquals(count, ids.stream().distinct().count());
    assertEquals(ids.stream().sorted().toList(), ids);
  }

  @Test
  void returnsThePreviousPageForAPrevCursor() throws Exception {
    PageWalker.Page first = page(100, null);
    PageWalker.Page second = page(100, first.paging().next());
    assertNull(first.paging().prev());
    PageCursor prev = second.paging().prev();
    assertEquals(PageCursor.Direction.BEFORE, prev.direction());
    PageWalker.Page back = page(100, prev);
    assertEquals(first.ids(), back.ids());
    assertNull(back.paging().prev());
    PageWalker.Page forward = page(100, back.paging().next());
    assertEquals(second.ids(), forward.ids());
  }

  @Test
  void servesOffsetPagesLikeKeysetPages() throws Exception {
    PageWalker.Page first = page(50, null);
    PageWalker.Page second = page(50, first.paging().next());
    PageWalker.Page byOffset = page(50, PageCursor.offset(50));
    assertEquals(second.ids(), byOffset.ids());
    assertEquals(second.paging(), byOffset.paging(), "unsorted offset pages have keyset neighbours");
  }

  @Test
  void answersACursorThatIsNoIdWithAnEmptyPage() throws Exception {
    PageWalker.Page page = page(10, PageCursor.after("x"));
    assertTrue(page.ids().isEmpty());
    assertEquals(Paging.NONE, page.paging());
  }

  @Test
  void refusesFilesThatAreNotGeoPackagesNamingThem() throws Exception {
    Path missing = folder.resolve("missing.gpkg");
    Path text = Files.writeString(folder.resolve("text.gpkg"), "not a database");
    Path plainSqlite = folder.resolve("plain.sqlite");
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + plainSqlite);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
    }
    for (Path file : List.of(missing, text, plainSqlite)) {
      IllegalArgumentException error = assertThrows(
          IllegalArgumentException.class, () -> new GeoPackageFeatureSource(file, SourceSettings.DEFAULTS));
      assertTrue(error.getMessage().contains(file.getFileName().toString()), error.getMessage());
    }
  }

  @Test
  void isReachableWhileItsFileIsThere() throws Exception {
    Path copy = Files.copy(folder.resolve("demo.gpkg"), folder.resolve("copy.gpkg"));
    try (GeoPackageFeatureSource copied = new GeoPackageFeatureSource(copy, SourceSettings.DEFAULTS)) {
      assertTrue(copied.isReachable());
      Files.delete(copy);
      assertFalse(copied.isReachable());
    }
  }

  private static PageWalker.Page page(int limit, PageCursor cursor) {
    return PageWalker.page(source, buildings, new FeatureQuery(null, null, limit, cursor));
  }

  @Test
  void theDataVersionChangesWhenAnotherProgramWrites() throws Exception {
    Path copy = Files.copy(folder.resolve("demo.gpkg"), folder.resolve("written.gpkg"));
    GeoPackageFeatureSource written = new GeoPackageFeatureSource(copy, SourceSettings.DEFAULTS);
    Collection writtenBuildings = collection(written, "buildings");
    String before = written.dataVersion(writtenBuildings);
    assertEquals(before, written.dataVersion(writtenBuildings));
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE notes (note TEXT)");
    }
    assertNotEquals(before, written.dataVersion(writtenBuildings));
  }

  static Collection collection(GeoPackageFeatureSource source, String id) {
    return source.discover().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }
}
