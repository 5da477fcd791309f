package io.urbis.source.postgis;

import static io.urbis.source.FeatureStreams.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.Collection;
import io.urbis.crs.Crs;
import io.urbis.catalog.JsonType;
import io.urbis.error.InvalidParameterException;
import io.urbis.query.Bbox;
import io.urbis.query.FeatureQuery;
import io.urbis.query.FeatureQueryParser;
import io.urbis.query.PageCursor;
import io.urbis.query.PropertyFilter;
import io.urbis.query.TimeInterval;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import io.urbis.source.SourceSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgisFeatureSourceTest {

  private static PostgisTestDatabase database;
  private static PostgisFeatureSource source;
  private static Map<String, Collection> collections;

  @BeforeAll
  static void publishFixture() throws Exception {
    database = new PostgisTestDatabase("fixture.sql");
    source = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of("public", "transport"));
    collections = source.discover().stream().collect(Collectors.toMap(Collection::id, Function.identity()));
  }

  @AfterAll
  static void dropFixture() throws Exception {
    source.close();
    database.close();
  }

  @Test
  void everyKeyedGeometryTableAndViewIsPublished() {
    assertEquals(new TreeSet<>(List.of("parcels", "Harbours", "transport.lines", "big_parcels", "solids", "things", "wide")),
        new TreeSet<>(collections.keySet()));
  }

  @Test
  void columnsBecomePropertiesWithTheirJsonTypes() {
    Collection parcels = collections.get("parcels");
    assertEquals(JsonType.INTEGER, parcels.idType());
    assertEquals(JsonType.NUMBER, parcels.property("area").orElseThrow().type());
    assertEquals(JsonType.BOOLEAN, parcels.property("listed").orElseThrow().type());
    assertEquals(JsonType.DATE, parcels.property("surveyed").orElseThrow().type());
    assertEquals(JsonType.ARRAY, parcels.property("tags").orElseThrow().type());
    assertEquals("surveyed", parcels.temporalProperty());
    assertEquals(25832, parcels.srid());
    assertEquals(JsonType.STRING, collections.get("Harbours").idType());
  }

  @Test
  void theExtentIsInCrs84AndCoversTheData() {
    var extent = collections.get("parcels").spatialExtent();
    assertTrue(extent.minLon() > 8.12 && extent.maxLon() < 8.15, "longitudes near 8.13: " + extent);
    assertTrue(extent.minLat() > 51.9 && extent.maxLat() < 52.1, "latitudes near 52: " + extent);
    assertNotNull(collections.get("parcels").temporalExtent());
  }

  @Test
  void followingNextCursorsReturnsEveryFeatureOnce() {
    List<Object> ids = new ArrayList<>();
    PageCursor cursor = null;
    do {
      try (FeatureStream page = source.query(collections.get("parcels"), new FeatureQuery(null, null, 50, cursor))) {
        ids.addAll(drain(page).stream().map(EncodedFeature::id).toList());
        cursor = page.paging().next();
      }
    } while (cursor != null);
    assertEquals(237, ids.size());
    assertEquals(237, new TreeSet<>(ids.stream().map(String::valueOf).toList()).size());
  }

  @Test
  void aPrevCursorLeadsBackToThePreviousPage() {
    Collection parcels = collections.get("parcels");
    FeatureStream first = source.query(parcels, new FeatureQuery(null, null, 10, null));
    List<EncodedFeature> firstPage = drain(first);
    FeatureStream second = source.query(parcels, new FeatureQuery(null, null, 10, first.paging().next()));
    drain(second);
    FeatureStream back = source.query(parcels, new FeatureQuery(null, null, 10, second.paging().prev()));
    assertEquals(firstPage.stream().map(EncodedFeature::id).toList(),
        drain(back).stream().map(EncodedFeature::id).toList());
    assertNull(back.paging().prev());
  }

  @Test
  void anOffsetPageIsTheKeysetPageAtThatPositionWithKeysetNeighbours() {
    Collection parcels = collections.get("parcels");
    FeatureStream first = source.query(parcels, new FeatureQuery(null, null, 10, null));
    drain(first);
    FeatureStream second = source.query(parcels, new FeatureQuery(null, null, 10, first.paging().next()));
    FeatureStream byOffset = source.query(parcels, new FeatureQuery(null, null, 10, PageCursor.offset(10)));
    assertEquals(drain(second).stream().map(EncodedFeature::id).toList(),
        drain(byOffset).stream().map(EncodedFeature::id).toList());
    assertEquals(second.paging(), byOffset.paging());
  }

  @Test
  void aBboxSelectsWhatPostgisIntersectsInCrs84() throws Exception {
    Bbox bbox = new Bbox(8.128, 51.988, 8.135, 51.991);
    List<Object> found = ids(collections.get("parcels"), new FeatureQuery(bbox, null, 1000, null));
    List<Object> truth = database.ids("SELECT id FROM parcels WHERE ST_Intersects(ST_Transform(geom, 4326), "
        + "ST_MakeEnvelope(8.128, 51.988, 8.135, 51.991, 4326)) ORDER BY id");
    assertFalse(truth.isEmpty());
    assertEquals(truth, found);
  }

  @Test
  void aBboxAcrossTheAntimeridianSelectsBothSides() throws Exception {
    List<Object> found = ids(collections.get("Harbours"), new FeatureQuery(new Bbox(176, -20, -176, 0), null, 100,
        null));
    List<Object> truth = database.ids("SELECT code FROM \"Harbours\" WHERE ST_Intersects(geom, "
        + "ST_MakeEnvelope(176, -20, 180, 0, 4326)) OR ST_Intersects(geom, ST_MakeEnvelope(-180, -20, -176, 0, 4326))"
        + " ORDER BY code");
    assertTrue(truth.stream().anyMatch(id -> found.contains(id)));
    assertEquals(new TreeSet<>(truth.stream().map(String::valueOf).toList()),
        new TreeSet<>(found.stream().map(String::valueOf).toList()));
  }

  @Test
  void aBboxFarFromTheDataSelectsNothing() {
    assertTrue(ids(collections.get("parcels"), new FeatureQuery(new Bbox(-120, -40, -100, -30), null, 10, null))
        .isEmpty());
  }

  @Test
  void datetimeSelectsOnTheTemporalColumn() {
    TimeInterval days = new TimeInterval(Instant.parse("2020-01-05T00:00:00Z"), Instant.parse("2020-01-07T00:00:00Z"));
    assertEquals(List.of(4L, 5L, 6L), ids(collections.get("parcels"), new FeatureQuery(null, days, 100, null)));
  }

  @Test
  void propertyFiltersCompareTypedValues() {
    Collection parcels = collections.get("parcels");
    List<PropertyFilter> filters = List.of(new PropertyFilter("storeys", 3L), new PropertyFilter("listed", false),
        new PropertyFilter("name", "parcel 13"));
    assertEquals(List.of(13L), ids(parcels, new FeatureQuery(null, null, 100, null, filters)));
    List<PropertyFilter> byDate = List.of(new PropertyFilter("surveyed", java.time.LocalDate.parse("2020-01-11")));
    assertEquals(List.of(10L), ids(parcels, new FeatureQuery(null, null, 100, null, byDate)));
  }

  @Test
  void polyhedralSurfacesAreWrittenAsTheirFaces() {
    String geometry = source.get(collections.get("solids"), "1", Crs.CRS84).orElseThrow().geometryJson();
    assertTrue(geometry.startsWith("{\"type\":\"MultiPolygon\""), geometry);
    assertTrue(geometry.contains(",12]"), "heights kept: " + geometry);
    Bbox around = new Bbox(8.12, 51.98, 8.13, 51.99);
    assertEquals(List.of(1L), ids(collections.get("solids"), new FeatureQuery(around, null, 10, null)));
  }

  @Test
  void everyColumnOfAWideTableIsAProperty() throws Exception {
    String properties = source.get(collections.get("wide"), "1", Crs.CRS84).orElseThrow().propertiesJson();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(properties);
    assertEquals(60, json.size());
    assertEquals(60, json.path("c60").asInt());
    assertTrue(json.path("c2").isNull());
  }

  @Test
  void nestedCollectionsAreFlattened() {
    String geometry = source.get(collections.get("things"), "1", Crs.CRS84).orElseThrow().geometryJson();
    assertTrue(geometry.startsWith("{\"type\":\"GeometryCollection\""), geometry);
    assertTrue(geometry.contains("\"Point\"") && geometry.contains("\"LineString\""), geometry);
    String flat = source.get(collections.get("things"), "3", Crs.CRS84).orElseThrow().geometryJson();
    assertTrue(flat.contains("\"MultiPoint\""), "a collection without nesting is kept as stored: " + flat);
  }

  @Test
  void aCql2FilterSelectsWhatTheSameSqlSelects() throws Exception {
    FeatureQueryParser parser = new FeatureQueryParser(10, 1000);
    Collection parcels = collections.get("parcels");
    FeatureQuery query = parser.parse(Map.of("limit", List.of("1000"), "filter", List.of(
        "storeys IN (1, 3) AND listed = false AND S_INTERSECTS(geom, BBOX(8.12, 51.98, 8.14, 52.0)) "
            + "AND surveyed > DATE('2020-02-01') AND name LIKE 'parcel 1%'")), parcels);
    List<Object> truth = database.ids("SELECT id FROM parcels WHERE storeys IN (1, 3) AND NOT listed AND "
        + "ST_Intersects(ST_Transform(geom, 4326), ST_MakeEnvelope(8.12, 51.98, 8.14, 52.0, 4326)) "
        + "AND surveyed > '2020-02-01' AND name LIKE 'parcel 1%' ORDER BY id");
    assertFalse(truth.isEmpty());
    assertEquals(truth, ids(parcels, query));
  }

  @Test
  void aFilterOnAnUnknownPropertyIsABadParameterBeforeAnySql() {
    FeatureQueryParser parser = new FeatureQueryParser(10, 1000);
    InvalidParameterException error = assertThrows(InvalidParameterException.class,
        () -> parser.parse(Map.of("filter", List.of("colour = 'red'")), collections.get("parcels")));
    assertTrue(error.getMessage().contains("colour"), error.getMessage());
  }

  @Test
  void onlyTheSelectedPropertiesAndNoGeometryAreWritten() {
    FeatureQuery query = new FeatureQueryParser(10, 1000).parse(
        Map.of("properties", List.of("name,area"), "skipGeometry", List.of("true")), collections.get("parcels"));
    try (FeatureStream page = source.query(collections.get("parcels"), query)) {
      EncodedFeature feature = page.next();
      assertNull(feature.geometry());
      assertEquals("{\"name\":\"parcel 1\",\"area\":101}", feature.propertiesJson());
    }
  }

  @Test
  void sortbyOrdersByTheKeysThenById() throws Exception {
    FeatureQueryParser parser = new FeatureQueryParser(10, 1000);
    Collection parcels = collections.get("parcels");
    List<Object> ids = new ArrayList<>();
    FeatureQuery query = parser.parse(Map.of("sortby", List.of("-storeys,name"), "limit", List.of("50")), parcels);
    while (query != null) {
      try (FeatureStream page = source.query(parcels, query)) {
        ids.addAll(drain(page).stream().map(EncodedFeature::id).toList());
        query = page.paging().next() == null ? null : query.withCursor(page.paging().next());
      }
    }
    assertEquals(database.ids("SELECT id FROM parcels ORDER BY storeys DESC, name, id"), ids);
  }

  @Test
  void numberMatchedCountsAllPages() {
    try (FeatureStream page = source.query(collections.get("parcels"), new FeatureQuery(null, null, 5, null))) {
      assertEquals(237, page.numberMatched().orElseThrow());
    }
  }

  @Test
  void oneFeatureIsFoundByItsKeyOfAnyType() {
    EncodedFeature harbour = source.get(collections.get("Harbours"), "h-3", Crs.CRS84).orElseThrow();
    assertTrue(harbour.propertiesJson().contains("label \\\"quoted\\\""), harbour.propertiesJson());
    assertTrue(source.get(collections.get("transport.lines"), "7", Crs.CRS84).orElseThrow().geometryJson().contains("10"));
  }

  @Test
  void anIdThatCannotBeAKeyIsNotFound() {
    assertTrue(source.get(collections.get("parcels"), "abc'; DROP TABLE parcels; --", Crs.CRS84).isEmpty());
    assertTrue(source.get(collections.get("parcels"), "99999999999999999999999", Crs.CRS84).isEmpty());
  }

  @Test
  void aForgedCursorIsABadParameter() {
    FeatureQuery forged = new FeatureQuery(null, null, 10, new PageCursor(PageCursor.Direction.AFTER, "x", 0));
    assertThrows(InvalidParameterException.class, () -> source.query(collections.get("parcels"), forged));
  }

  @Test
  void aWrongPasswordFailsAtConstruction() {
    DatabaseUrl wrong = DatabaseUrl.parse(database.url().label().replace("postgresql://postgres@",
        "postgresql://postgres:wrong@"));
    assertThrows(RuntimeException.class, () -> new PostgisFeatureSource(wrong, SourceSettings.DEFAULTS, List.of()));
  }

  private static List<Object> ids(Collection collection, FeatureQuery query) {
    try (FeatureStream page = source.query(collection, query)) {
      return drain(page).stream().map(EncodedFeature::id).toList();
    }
  }
}
