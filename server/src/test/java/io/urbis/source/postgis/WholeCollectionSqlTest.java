package io.urbis.source.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.urbis.catalog.Collection;
import io.urbis.catalog.Property;
import io.urbis.crs.Crs;
import io.urbis.query.Bbox;
import io.urbis.query.FeatureQuery;
import io.urbis.query.FeatureQueryParser;
import io.urbis.query.PageCursor;
import io.urbis.source.Extrusion;
import io.urbis.source.SourceSettings;
import io.urbis.tiles.TileAddress;
import io.urbis.tiles.TileMatrixSets;
import io.urbis.tiles.TileRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The SQL of whole collections (no hidden property, no row filter), pinned byte for byte in
 * {@code whole-collection-sql.txt}: access rules must cost open data nothing, so neither its statements (which
 * PostgreSQL prepares and plans once per text) nor its count keys may change when the SQL builders learn to narrow
 * collections. A deliberate change of a statement rewrites the file; the test writes what it got to
 * {@code target/whole-collection-sql.txt} to compare.
 */
class WholeCollectionSqlTest {

  private static final String PINNED = "whole-collection-sql.txt";

  private static PostgisTestDatabase database;
  private static PostgisFeatureSource source;
  private static Map<String, Collection> collections;
  private static Map<String, PostgisTable> tables;

  @BeforeAll
  static void discover() throws Exception {
    database = new PostgisTestDatabase("fixture.sql");
    source = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of("public", "transport"));
    collections = source.discover().stream().collect(Collectors.toMap(Collection::id, Function.identity()));
    try (Connection connection = database.connect()) {
      tables = PostgisDiscovery.discover(connection, List.of("public", "transport")).stream()
          .collect(Collectors.toMap(PostgisTable::name, Function.identity()));
    }
  }

  @AfterAll
  static void drop() throws Exception {
    source.close();
    database.close();
  }

  @Test
  void theStatementsOfWholeCollectionsAreThosePinned() throws IOException {
    StringBuilder written = new StringBuilder();
    PostgisFeatureSql sql = new PostgisFeatureSql(SourceSettings.DEFAULTS.coordinatePrecision());
    for (String id : List.of("parcels", "Harbours", "transport.lines", "solids", "things")) {
      Collection collection = collections.get(id);
      PostgisTable table = tables.get(collection.title());
      for (Map.Entry<String, FeatureQuery> query : queries(collection).entrySet()) {
        List<Bbox> boxes = query.getValue().bbox() == null ? List.of()
            : PostgisFeatureSource.clip(query.getValue().bbox(), collection.spatialExtent());
        String shape = id + " " + query.getKey();
        write(written, shape + ": page", sql.features(table, query.getValue(), boxes));
        PostgisCountSql.Selection selection = PostgisCountSql.selection(table, query.getValue(), boxes);
        write(written, shape + ": count", PostgisCountSql.count(selection.rows()));
        write(written, shape + ": plan", PostgisCountSql.plan(selection));
        if (selection.covering() != null) {
          write(written, shape + ": covering count", PostgisCountSql.count(selection.covering().rows()));
          if (selection.covering().boxes() != null) {
            write(written, shape + ": covers", PostgisCountSql.boxesCover(table, selection.covering().boxes(),
                new Envelope(0, 1, 2, 3)));
          }
        }
      }
      write(written, id + ": one feature", sql.feature(table, "7", Crs.CRS84));
      write(written, id + ": one feature in EPSG:4326", sql.feature(table, "7", Crs.epsg(4326)));
      for (TileAddress address : List.of(TileAddress.parse(TileMatrixSets.WEB_MERCATOR_QUAD, "14", "5390", "8562"),
          TileAddress.parse(TileMatrixSets.UTM32_WGS84_QUAD, "3", "2", "1"))) {
        List<String> properties = collection.properties().stream().map(Property::name).toList();
        TileRequest request = new TileRequest(address, new Envelope(8.1, 8.2, 51.9, 52.1), properties);
        String tile = id + ": tile " + address.tileMatrixSet().id() + "/" + address.tileMatrix().id();
        Envelope window = request.crs84WindowNear(collection.spatialExtent());
        write(written, tile, PostgisTileSql.tile(table, id, request, window));
        write(written, tile + " without window", PostgisTileSql.tile(table, id, request, null));
      }
      write(written, id + ": model bounds", PostgisModelSql.bounds(table, null));
      write(written, id + ": models", PostgisModelSql.models(table, List.of("1", "2"), null));
    }
    PostgisTable parcels = tables.get("parcels");
    Extrusion extrusion = new Extrusion("storeys", "area");
    write(written, "parcels: extruded model bounds", PostgisModelSql.bounds(parcels, extrusion));
    write(written, "parcels: extruded models", PostgisModelSql.models(parcels, List.of("1"), extrusion));
    write(written, "parcels: box in storage", PostgisFilterSql.boxInStorage(parcels, new Bbox(8.1, 51.9, 8.2, 52.1)));

    Path got = Path.of("target", PINNED);
    Files.writeString(got, written);
    assertEquals(pinned(), written.toString(), "the SQL of whole collections changed; compare " + got);
  }

  /** Each shape of items query: paging, sorting, selecting, filtering, and output CRSs. */
  private static Map<String, FeatureQuery> queries(Collection collection) {
    FeatureQueryParser parser = new FeatureQueryParser(10, 1000);
    String property = collection.properties().isEmpty() ? null : collection.properties().get(0).name();
    Map<String, FeatureQuery> queries = new LinkedHashMap<>();
    FeatureQuery first = parser.parse(Map.of(), collection);
    queries.put("first page", first);
    queries.put("next page", first.withCursor(PageCursor.after("7")));
    queries.put("prev page", first.withCursor(PageCursor.before("7")));
    queries.put("offset", parser.parse(Map.of("offset", List.of("20"), "limit", List.of("5")), collection));
    queries.put("bbox", parser.parse(Map.of("bbox", List.of("8.12,51.98,8.14,52.0")), collection));
    queries.put("bbox in EPSG:3857", parser.parse(Map.of("bbox", List.of("900000,6790000,910000,6810000"),
        "bbox-crs", List.of("http://www.opengis.net/def/crs/EPSG/0/3857")), collection));
    queries.put("bbox with heights", parser.parse(Map.of("bbox", List.of("8.12,51.98,0,8.14,52.0,20")), collection));
    queries.put("crs EPSG:4326", parser.parse(Map.of("crs", List.of("http://www.opengis.net/def/crs/EPSG/0/4326")),
        collection));
    queries.put("filter", parser.parse(Map.of("filter", List.of("S_INTERSECTS(geom, BBOX(8.12, 51.98, 8.14, 52.0))"
        + (property == null || !property.matches("\\w+") ? "" : " AND " + property + " IS NOT NULL"))), collection));
    if (collection.temporalProperty() != null) {
      queries.put("datetime", parser.parse(Map.of("datetime", List.of("2020-01-05/2020-01-07")), collection));
      queries.put("datetime instant", parser.parse(Map.of("datetime", List.of("2020-01-05")), collection));
      queries.put("bbox and open datetime", parser.parse(Map.of("bbox", List.of("-180,-90,180,90"),
          "datetime", List.of("../2030-01-01")), collection));
    }
    if (property != null) {
      queries.put("sortby", parser.parse(Map.of("sortby", List.of("-" + property)), collection));
      queries.put("sorted offset", parser.parse(Map.of("sortby", List.of(property), "offset", List.of("10")),
          collection));
      queries.put("properties, no geometry", parser.parse(Map.of("properties", List.of(property),
          "skipGeometry", List.of("true")), collection));
      queries.put("property filter", parser.parse(Map.of(property, List.of("1")), collection));
    }
    return queries;
  }

  private static void write(StringBuilder written, String shape, SqlQuery query) {
    written.append("## ").append(shape).append('\n').append(query.sql()).append('\n').append("binds:");
    for (Object bind : query.binds()) {
      written.append(' ').append(bind instanceof Object[] array ? Arrays.toString(array) : String.valueOf(bind));
    }
    written.append("\n\n");
  }

  private static String pinned() throws IOException {
    try (InputStream text = WholeCollectionSqlTest.class.getResourceAsStream(PINNED)) {
      return text == null ? "" : new String(text.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
