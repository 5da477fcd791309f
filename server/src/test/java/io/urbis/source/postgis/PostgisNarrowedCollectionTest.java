package io.urbis.source.postgis;

import static io.urbis.source.FeatureStreams.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.access.AccessPolicy;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.catalog.Collection;
import io.urbis.catalog.Property;
import io.urbis.config.AccessConfig;
import io.urbis.crs.Crs;
import io.urbis.encode.Json;
import io.urbis.query.FeatureQuery;
import io.urbis.query.FeatureQueryParser;
import io.urbis.security.Caller;
import io.urbis.source.EncodedFeature;
import io.urbis.source.Extrusion;
import io.urbis.source.FeatureStream;
import io.urbis.source.ModelBounds;
import io.urbis.source.ModelRow;
import io.urbis.source.ModelSource;
import io.urbis.source.SourceSettings;
import io.urbis.testdata.MvtLayers;
import io.urbis.testdata.WebMercatorTiles;
import io.urbis.tiles.TileAddress;
import io.urbis.tiles.TileBudget;
import io.urbis.tiles.TileMatrixSets;
import io.urbis.tiles.TileRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A collection narrowed by access rules, read from PostGIS: only the rows of its row filter (which names a hidden
 * property) and only its visible properties, in pages by every paging path, one feature, numberMatched by every
 * counting path, vector tiles and 3D models. What the whole collection holds beyond that is in no answer.
 */
class PostgisNarrowedCollectionTest {

  /** The rows citizens see, in the words of the access rules and in SQL. */
  private static final String CITIZENS_ROWS = "owner_type = 'municipal' AND heat_demand < 1300";
  /** The rows surveyors see: the western buildings, by a box in CRS84 (the table is in EPSG:25832). */
  private static final String SURVEYORS_ROWS = "S_INTERSECTS(geom, BBOX(8.12, 51.987, 8.1291, 51.989))";
  private static final String SURVEYORS_SQL =
      "ST_Intersects(ST_Transform(geom, 4326), ST_MakeEnvelope(8.12, 51.987, 8.1291, 51.989, 4326))";
  private static final Set<String> HIDDEN = Set.of("heat_demand", "built");
  /** Filtered selections the planner expects to hold more rows than this are counted only where they hold all. */
  private static final int COUNT_LIMIT = 10;

  private static PostgisTestDatabase database;
  private static PostgisFeatureSource source;
  private static Collection whole;
  private static Collection citizens;
  private static Collection surveyors;

  @BeforeAll
  static void publish() throws Exception {
    database = new PostgisTestDatabase("access.sql");
    source = new PostgisFeatureSource(database.url(), new SourceSettings(8, COUNT_LIMIT), List.of("public"));
    Catalog catalog = new CatalogBuilder().add("city", source).build();
    AccessPolicy policy = AccessPolicy.of(new AccessConfig(null, Map.of("buildings", Map.of(
        "public", new AccessConfig.Rule("read", List.copyOf(HIDDEN), CITIZENS_ROWS),
        "surveyor", new AccessConfig.Rule("read", null, SURVEYORS_ROWS),
        "planner", AccessConfig.Rule.of("read")))), catalog);
    whole = catalog.find("buildings").orElseThrow();
    citizens = policy.viewOf(new Caller("citizen", Set.of("public"))).catalog().find("buildings").orElseThrow();
    surveyors = policy.viewOf(new Caller("surveyor", Set.of("surveyor"))).catalog().find("buildings").orElseThrow();
  }

  @AfterAll
  static void drop() throws Exception {
    source.close();
    database.close();
  }

  @Test
  void nextCursorsLeadThroughTheVisibleRowsWithTheVisibleProperties() throws Exception {
    List<EncodedFeature> features = new ArrayList<>();
    FeatureQuery query = new FeatureQuery(null, null, 5, null);
    while (query != null) {
      try (FeatureStream page = source.query(citizens, query)) {
        features.addAll(drain(page));
        query = page.paging().next() == null ? null : query.withCursor(page.paging().next());
      }
    }
    assertEquals(database.ids("SELECT id FROM buildings WHERE " + CITIZENS_ROWS + " ORDER BY id"), ids(features));
    for (EncodedFeature feature : features) {
      assertEquals(Set.of("name", "owner_type", "height"), keys(feature.propertiesJson()));
    }
  }

  @Test
  void prevOffsetAndSortedPagesHoldOnlyTheVisibleRows() throws Exception {
    FeatureStream first = source.query(citizens, new FeatureQuery(null, null, 4, null));
    List<EncodedFeature> firstPage = drain(first);
    FeatureStream second = source.query(citizens, new FeatureQuery(null, null, 4, first.paging().next()));
    List<EncodedFeature> secondPage = drain(second);
    FeatureStream back = source.query(citizens, new FeatureQuery(null, null, 4, second.paging().prev()));
    assertEquals(ids(firstPage), ids(drain(back)));

    FeatureQueryParser parser = new FeatureQueryParser(10, 1000);
    FeatureQuery offset = parser.parse(Map.of("offset", List.of("4"), "limit", List.of("4")), citizens);
    try (FeatureStream page = source.query(citizens, offset)) {
      assertEquals(ids(secondPage), ids(drain(page)));
    }

    List<Object> sorted = new ArrayList<>();
    FeatureQuery query = parser.parse(Map.of("sortby", List.of("-height,name"), "limit", List.of("7")), citizens);
    while (query != null) {
      try (FeatureStream page = source.query(citizens, query)) {
        sorted.addAll(ids(drain(page)));
        query = page.paging().next() == null ? null : query.withCursor(page.paging().next());
      }
    }
    assertEquals(database.ids("SELECT id FROM buildings WHERE " + CITIZENS_ROWS + " ORDER BY height DESC, name, id"),
        sorted);
  }

  @Test
  void theQuerysFiltersAreAndedToTheRowFilter() throws Exception {
    FeatureQueryParser parser = new FeatureQueryParser(10, 1000);
    FeatureQuery filtered = parser.parse(Map.of("filter", List.of("height = 4 OR name LIKE 'private%'"),
        "bbox", List.of("8.12,51.98,8.14,52.0"), "height", List.of("4"), "limit", List.of("100")), citizens);
    List<Object> truth = database.ids("SELECT id FROM buildings WHERE height = 4 AND " + CITIZENS_ROWS
        + " ORDER BY id");
    assertFalse(truth.isEmpty());
    try (FeatureStream page = source.query(citizens, filtered)) {
      assertEquals(truth, ids(drain(page)));
    }
  }

  @Test
  void datetimeDoesNotSelectOnAHiddenTemporalProperty() {
    FeatureQuery byDate = new FeatureQueryParser(10, 1000).parse(Map.of("datetime", List.of("2001-01-01/2002-01-01"),
        "limit", List.of("100")), citizens);
    try (FeatureStream page = source.query(citizens, byDate);
        FeatureStream all = source.query(citizens, new FeatureQuery(null, null, 100, null))) {
      assertEquals(ids(drain(all)), ids(drain(page)), "as for a collection without temporal property");
    }
    try (FeatureStream page = source.query(whole, byDate)) {
      assertTrue(drain(page).size() < 60, "the whole collection selects on it");
    }
  }

  @Test
  void oneFeatureOutsideTheRowFilterIsAbsent() {
    EncodedFeature visible = source.get(citizens, "4", Crs.CRS84).orElseThrow();
    assertEquals(Set.of("name", "owner_type", "height"), keys(visible.propertiesJson()));
    assertTrue(source.get(citizens, "3", Crs.CRS84).isEmpty(), "a private building");
    assertTrue(source.get(citizens, "44", Crs.CRS84).isEmpty(), "a municipal building of high heat demand");
    assertTrue(source.get(whole, "3", Crs.CRS84).isPresent());
    assertTrue(keys(source.get(whole, "4", Crs.CRS84).orElseThrow().propertiesJson()).containsAll(HIDDEN));
  }

  @Test
  void numberMatchedCountsTheVisibleRowsByEveryPath() throws Exception {
    long visible = database.ids("SELECT id FROM buildings WHERE " + CITIZENS_ROWS).size();
    assertEquals(visible, matched(citizens, new FeatureQuery(null, null, 5, null)), "without filters");
    // a bbox around all the data: counted where it holds all rows, once per snapshot for every such bbox; the whole
    // collection's count, counted first, must not be served to the narrowed one
    FeatureQuery everywhere = new FeatureQueryParser(10, 1000).parse(Map.of("bbox", List.of("-180,-90,180,90")),
        whole);
    assertEquals(60, matched(whole, everywhere));
    assertEquals(visible, matched(citizens, everywhere));
    assertEquals(60, matched(whole, everywhere));
    FeatureQueryParser parser = new FeatureQueryParser(10, 1000);
    assertEquals(1, matched(citizens, parser.parse(Map.of("name", List.of("municipal building 4")), citizens)));
    assertEquals(0, matched(citizens, parser.parse(Map.of("name", List.of("private building 3")), citizens)));
    assertEquals(1, matched(whole, parser.parse(Map.of("name", List.of("private building 3")), whole)));
  }

  @Test
  void aRowFilterByAGeometryInCrs84SelectsWhatPostgisIntersects() throws Exception {
    List<Object> truth = database.ids("SELECT id FROM buildings WHERE " + SURVEYORS_SQL + " ORDER BY id");
    assertTrue(truth.size() > 5 && truth.size() < 55, "a part of the buildings: " + truth);
    try (FeatureStream page = source.query(surveyors, new FeatureQuery(null, null, 100, null))) {
      assertEquals(truth, ids(drain(page)));
      assertEquals(truth.size(), page.numberMatched().orElseThrow());
    }
    assertEquals(keys(source.get(whole, "1", Crs.CRS84).orElseThrow().propertiesJson()),
        keys(source.get(surveyors, "1", Crs.CRS84).orElseThrow().propertiesJson()), "no property hidden");
  }

  @Test
  void aTileDrawsOnlyTheVisibleRowsWithTheVisibleProperties() throws Exception {
    MvtLayers.Layer shown = tileLayer(citizens);
    assertEquals(new TreeSet<>(database.ids("SELECT id FROM buildings WHERE " + CITIZENS_ROWS)),
        new TreeSet<>(shown.features().stream().map(f -> (Object) f.id()).toList()));
    assertEquals(Set.of("name", "owner_type", "height"), new HashSet<>(shown.keys()));
    assertTrue(shown.features().stream().noneMatch(f -> f.properties().get("name").toString().startsWith("private")));

    MvtLayers.Layer all = tileLayer(whole);
    assertEquals(60, all.features().size());
    assertTrue(all.keys().containsAll(HIDDEN), "the whole collection's tile has them: " + all.keys());
  }

  @Test
  void aReducedTileMergesAndThinsOnlyTheVisibleRows() throws Exception {
    Set<Object> visible = new TreeSet<>(database.ids("SELECT id FROM buildings WHERE " + CITIZENS_ROWS));
    String[] tile = WebMercatorTiles.holding(whole.spatialExtent()).split("/");
    TileAddress address = TileAddress.parse(TileMatrixSets.WEB_MERCATOR_QUAD, tile[0], tile[1], tile[2]);
    List<String> properties = citizens.properties().stream().map(Property::name).toList();
    for (int level : List.of(0, TileBudget.DEFAULT.lastLevel(address.tileMatrix()))) {
      TileRequest request = new TileRequest(address, null, properties)
          .reduced(TileBudget.DEFAULT.reduction(address.tileMatrix(), level));
      byte[] bytes = source.tile(citizens, request);
      MvtLayers.Layer reduced = MvtLayers.read(bytes).layers().get(0);
      assertTrue(visible.containsAll(reduced.features().stream().filter(f -> f.id() != null).map(f -> (Object) f.id())
          .toList()), "level " + level + ": " + reduced.features());
      assertTrue(Set.of("name", "owner_type", "height").containsAll(reduced.keys()), "level " + level);
      assertTrue(reduced.features().stream().noneMatch(f -> String.valueOf(f.properties().get("name"))
          .startsWith("private")), "level " + level + ": no block shows a private building's name");
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      assertTrue(HIDDEN.stream().noneMatch(text::contains), "level " + level);
    }
  }

  @Test
  void modelsAndTheirBoundsAreThoseOfTheVisibleRows() throws Exception {
    ModelSource models = source.models().orElseThrow();
    Extrusion extrusion = new Extrusion("height", null);
    Set<String> truth = database.ids("SELECT id FROM buildings WHERE " + CITIZENS_ROWS).stream().map(String::valueOf)
        .collect(Collectors.toSet());
    assertEquals(truth, models.bounds(citizens, extrusion).stream().map(ModelBounds::id).collect(Collectors.toSet()));
    assertEquals(60, models.bounds(whole, extrusion).size());

    List<String> everyId = IntStream.rangeClosed(1, 60).mapToObj(String::valueOf).toList();
    List<ModelRow> rows = new ArrayList<>();
    models.models(citizens, everyId, extrusion, rows::add);
    assertEquals(truth, rows.stream().map(ModelRow::id).collect(Collectors.toSet()));
    for (ModelRow row : rows) {
      assertEquals(Set.of("name", "owner_type", "height"), keys(row.propertiesJson()));
    }
  }

  @Test
  void aNarrowedCollectionIsNotTheWholeOne() {
    assertTrue(whole.isWhole());
    assertNotEquals("", citizens.visibility());
    assertNull(citizens.temporalProperty(), "its temporal property is hidden");
  }

  private static MvtLayers.Layer tileLayer(Collection collection) {
    String[] tile = WebMercatorTiles.holding(whole.spatialExtent()).split("/");
    TileAddress address = TileAddress.parse(TileMatrixSets.WEB_MERCATOR_QUAD, tile[0], tile[1], tile[2]);
    List<String> properties = collection.properties().stream().map(Property::name).toList();
    List<MvtLayers.Layer> layers = MvtLayers.read(source.tile(collection, new TileRequest(address, null, properties)))
        .layers();
    assertEquals(1, layers.size());
    return layers.get(0);
  }

  private static long matched(Collection collection, FeatureQuery query) {
    try (FeatureStream page = source.query(collection, query)) {
      return page.numberMatched().orElseThrow();
    }
  }

  private static Set<String> keys(String propertiesJson) {
    JsonNode properties;
    try {
      properties = Json.MAPPER.readTree(propertiesJson);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(propertiesJson, e);
    }
    Set<String> keys = new HashSet<>();
    properties.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static List<Object> ids(List<EncodedFeature> features) {
    return features.stream().map(EncodedFeature::id).toList();
  }
}
