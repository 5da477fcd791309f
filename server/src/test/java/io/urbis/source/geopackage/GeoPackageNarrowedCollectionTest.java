package io.urbis.source.geopackage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.urbis.access.AccessPolicy;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import io.urbis.catalog.Property;
import io.urbis.config.AccessConfig;
import io.urbis.config.AccessConfig.Rule;
import io.urbis.cql2.FilterCrs;
import io.urbis.cql2.text.Cql2TextParser;
import io.urbis.crs.Crs;
import io.urbis.demo.DemoCity;
import io.urbis.query.Bbox;
import io.urbis.query.CollectionQueryables;
import io.urbis.query.FeatureQuery;
import io.urbis.query.Filter;
import io.urbis.query.PageCursor;
import io.urbis.query.PropertyFilter;
import io.urbis.query.Returnables;
import io.urbis.query.SortKey;
import io.urbis.query.TimeInterval;
import io.urbis.security.Caller;
import io.urbis.source.EncodedFeature;
import io.urbis.source.SourceSettings;
import io.urbis.tiles.PointTiles;
import io.urbis.tiles.TileAddress;
import io.urbis.tiles.TileBudget;
import io.urbis.tiles.TileMatrixSets;
import io.urbis.tiles.TileReduction;
import io.urbis.tiles.TileRequest;
import io.urbis.tiles.TmsProjection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collection narrowed for an audience (a hidden property, a row filter on it) reads exactly as the whole collection
 * of a copy of the file that holds only the rows it lets through: items on every paging path, one item, counts and
 * tiles, and the hidden property is never written.
 */
class GeoPackageNarrowedCollectionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HIDDEN = "heat_demand_kwh_a";
  private static final String ROW_FILTER = HIDDEN + " < 60000";
  private static final Bbox TOWN_CENTRE = new Bbox(8.118, 51.985, 8.131, 51.993);

  @TempDir static Path folder;
  private static Path file;
  private static GeoPackageFeatureSource source;
  private static GeoPackageFeatureSource onlyVisibleRows;
  private static Collection whole;
  private static Collection narrowed;
  private static Collection visibleRowsWhole;

  @BeforeAll
  static void openTheTownAndACopyWithoutTheRowsThePublicMayNotSee() throws Exception {
    file = DemoCity.ensure(folder.resolve("demo.gpkg"));
    source = new GeoPackageFeatureSource(file, SourceSettings.DEFAULTS);
    whole = GeoPackageFeatureSourceTest.collection(source, "buildings");
    narrowed = view(new Rule("read", List.of(HIDDEN), ROW_FILTER));

    Path copy = Files.copy(file, folder.resolve("visible-rows.gpkg"));
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
        Statement statement = connection.createStatement()) {
      // what CQL2's three-valued logic leaves out too: a row without a value is not selected
      statement.execute("DELETE FROM buildings WHERE " + HIDDEN + " IS NULL OR NOT (" + ROW_FILTER + ")");
    }
    onlyVisibleRows = new GeoPackageFeatureSource(copy, SourceSettings.DEFAULTS);
    visibleRowsWhole = GeoPackageFeatureSourceTest.collection(onlyVisibleRows, "buildings");
  }

  @AfterAll
  static void close() {
    source.close();
    onlyVisibleRows.close();
  }

  @Test
  void itemsOnEveryPagingPathAreTheVisibleRowsWithoutTheHiddenProperty() {
    long hiddenRows = SqliteValues.number(file, "SELECT COUNT(*) FROM buildings WHERE NOT (" + ROW_FILTER + ")");
    assertTrue(hiddenRows > 1000, "the row filter leaves rows out");
    FeatureQuery first = new FeatureQuery(null, null, 50, null);
    PageWalker.Page firstPage = sameAsVisibleRows(first);
    PageWalker.Page secondPage = sameAsVisibleRows(first.withCursor(firstPage.paging().next()));
    assertEquals(firstPage.ids(), sameAsVisibleRows(first.withCursor(secondPage.paging().prev())).ids());
    sameAsVisibleRows(first.withCursor(PageCursor.offset(700)));
    assertEquals(PageWalker.idsFollowingNext(onlyVisibleRows, visibleRowsWhole, first.withCursor(null)),
        PageWalker.idsFollowingNext(source, narrowed, first));

    FeatureQuery sorted = new FeatureQuery(null, null, 40, null, List.of(), Crs.CRS84, null, Returnables.ALL,
        List.of(new SortKey("height_m", true)));
    PageWalker.Page sortedPage = sameAsVisibleRows(sorted);
    sameAsVisibleRows(sorted.withCursor(sortedPage.paging().next()));
  }

  @Test
  void theUsersSelectionsAreAndedWithTheRowFilter() {
    sameAsVisibleRows(new FeatureQuery(TOWN_CENTRE, null, 30, null));
    sameAsVisibleRows(new FeatureQuery(null, new TimeInterval(Instant.parse("2000-01-01T00:00:00Z"), null), 30,
        null));
    sameAsVisibleRows(new FeatureQuery(null, null, 30, null, List.of(new PropertyFilter("function", "mixed"))));
    Filter storeys = new Filter(FilterCrs.apply(Cql2TextParser.parse("storeys >= 3"), Crs.CRS84),
        CollectionQueryables.of(narrowed), Crs.CRS84);
    sameAsVisibleRows(new FeatureQuery(TOWN_CENTRE, null, 30, null, List.of(), Crs.CRS84, storeys, Returnables.ALL,
        List.of()));
  }

  @Test
  void aFeatureOutsideTheRowFilterIsAbsent() throws Exception {
    String outside = SqliteValues.firstRow(file, "SELECT fid FROM buildings WHERE NOT (" + ROW_FILTER + ")")[0];
    String inside = SqliteValues.firstRow(file, "SELECT fid FROM buildings WHERE " + ROW_FILTER)[0];
    assertTrue(source.get(whole, outside, Crs.CRS84).isPresent());
    assertTrue(source.get(narrowed, outside, Crs.CRS84).isEmpty());
    EncodedFeature visible = source.get(narrowed, inside, Crs.CRS84).orElseThrow();
    assertEquals(withoutHidden(onlyVisibleRows.get(visibleRowsWhole, inside, Crs.CRS84).orElseThrow()),
        JSON.readTree(visible.propertiesJson()));
    assertEquals(onlyVisibleRows.get(visibleRowsWhole, inside, Crs.CRS84).orElseThrow().geometryJson(),
        visible.geometryJson());
  }

  @Test
  void countsAreKeptPerAudience() {
    FeatureQuery all = new FeatureQuery(null, null, 10, null);
    long everyBuilding = SqliteValues.number(file, "SELECT COUNT(*) FROM buildings");
    assertEquals(everyBuilding, PageWalker.page(source, whole, all).numberMatched().orElseThrow());
    long visible = PageWalker.page(source, narrowed, all).numberMatched().orElseThrow();
    assertEquals(SqliteValues.number(file, "SELECT COUNT(*) FROM buildings WHERE " + ROW_FILTER), visible);
    assertEquals(everyBuilding, PageWalker.page(source, whole, all).numberMatched().orElseThrow());

    FeatureQuery centre = new FeatureQuery(TOWN_CENTRE, null, 10, null);
    assertNotEquals(PageWalker.page(source, whole, centre).numberMatched(),
        PageWalker.page(source, narrowed, centre).numberMatched());

    Collection hiddenOnly = view(new Rule("read", List.of(HIDDEN), null));
    assertEquals(everyBuilding, PageWalker.page(source, hiddenOnly, all).numberMatched().orElseThrow());
  }

  @Test
  void aTileHoldsOnlyTheVisibleRowsAndProperties() {
    TileAddress address = townCentre("15");
    List<String> every = names(whole);
    List<String> shown = names(narrowed);
    byte[] wholeTile = source.tile(whole, tile(address, every));
    assertTrue(new String(wholeTile, StandardCharsets.ISO_8859_1).contains(HIDDEN), "the whole tile shows it");

    // asked for every property, as no request can: only those the collection shows are written
    byte[] narrowedTile = source.tile(narrowed, tile(address, every));
    assertTrue(narrowedTile.length > 0);
    assertFalse(new String(narrowedTile, StandardCharsets.ISO_8859_1).contains(HIDDEN));
    assertArrayEquals(onlyVisibleRows.tile(visibleRowsWhole, tile(address, shown)), narrowedTile);
  }

  @Test
  void aReducedTileMergesAndThinsOnlyTheVisibleRows() {
    TileAddress address = townCentre("13");
    List<String> every = names(whole);
    List<String> shown = names(narrowed);
    for (int level : List.of(0, 4)) {
      TileReduction rules = TileBudget.DEFAULT.reduction(address.tileMatrix(), level);
      byte[] reduced = source.tile(narrowed, tile(address, every).reduced(rules));
      assertTrue(reduced.length > 0);
      assertFalse(new String(reduced, StandardCharsets.ISO_8859_1).contains(HIDDEN), "level " + level);
      assertArrayEquals(onlyVisibleRows.tile(visibleRowsWhole, tile(address, shown).reduced(rules)), reduced,
          "level " + level + ": blocks and kept buildings of the visible rows alone");
    }
  }

  @Test
  void aSpatialRowFilterSelectsWhatTheSameBboxSelects() {
    Collection centreOnly = view(new Rule("read", null, "S_INTERSECTS(geom, BBOX(" + TOWN_CENTRE.minX()
        + ", " + TOWN_CENTRE.minY() + ", " + TOWN_CENTRE.maxX() + ", " + TOWN_CENTRE.maxY() + "))"));
    PageWalker.Page byBbox = PageWalker.page(source, whole, new FeatureQuery(TOWN_CENTRE, null, 1000, null));
    PageWalker.Page byRowFilter = PageWalker.page(source, centreOnly, new FeatureQuery(null, null, 1000, null));
    assertFalse(byBbox.ids().isEmpty());
    assertEquals(byBbox.ids(), byRowFilter.ids());
    assertEquals(byBbox.numberMatched(), byRowFilter.numberMatched());
  }

  @Test
  void readsTheHiddenColumnsItsRowFilterNamesOnly() {
    assertEquals(whole.properties(), CollectionRead.of(whole, whole).columns());
    Collection hiddenOnly = view(new Rule("read", List.of(HIDDEN, "district"), null));
    String sql = GeoPackageSql.feature(CollectionRead.of(hiddenOnly, whole), 1).sql();
    assertFalse(sql.contains(HIDDEN) || sql.contains("district"), sql);

    Collection filtered = view(new Rule("read", List.of(HIDDEN, "district"), ROW_FILTER));
    List<Property> columns = CollectionRead.of(filtered, whole).columns();
    assertEquals(filtered.properties(), columns.subList(0, columns.size() - 1), "shown properties come first");
    assertEquals(HIDDEN, columns.get(columns.size() - 1).name());
  }

  /** The page of the narrowed collection, checked against that of the copy holding only the visible rows. */
  private static PageWalker.Page sameAsVisibleRows(FeatureQuery query) {
    PageWalker.Page expected = PageWalker.page(onlyVisibleRows, visibleRowsWhole, query);
    PageWalker.Page page = PageWalker.page(source, narrowed, query);
    assertFalse(page.ids().isEmpty(), "a query that shows something");
    assertEquals(expected, page);
    return page;
  }

  /** The collection as a role with only {@code rule} on buildings sees it. */
  private static Collection view(Rule rule) {
    AccessConfig config = new AccessConfig(null, Map.of("buildings", Map.of("reader", rule)));
    return AccessPolicy.of(config, new Catalog(source.discover())).viewOf(new Caller("someone", Set.of("reader")))
        .catalog().find("buildings").orElseThrow();
  }

  private static JsonNode withoutHidden(EncodedFeature feature) throws IOException {
    ObjectNode properties = (ObjectNode) JSON.readTree(feature.propertiesJson());
    assertTrue(properties.has(HIDDEN));
    properties.remove(HIDDEN);
    return properties;
  }

  /** The WebMercatorQuad tile of {@code zoom} at the middle of the demo town. */
  private static TileAddress townCentre(String zoom) {
    var extent = whole.spatialExtent();
    return PointTiles.tileAt(TileMatrixSets.WEB_MERCATOR_QUAD, zoom, (extent.minLon() + extent.maxLon()) / 2,
        (extent.minLat() + extent.maxLat()) / 2);
  }

  private static List<String> names(Collection collection) {
    return collection.properties().stream().map(Property::name).toList();
  }

  private static TileRequest tile(TileAddress address, List<String> properties) {
    return new TileRequest(address, TmsProjection.of(address.tileMatrixSet()).toCrs84(address.bufferedEnvelope()),
        properties);
  }
}
