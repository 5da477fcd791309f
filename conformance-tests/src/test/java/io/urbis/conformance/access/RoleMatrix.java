package io.urbis.conformance.access;

import static io.urbis.conformance.access.AccessRules.HIDDEN_COLLECTION;
import static io.urbis.conformance.access.AccessRules.HIDDEN_PROPERTY;
import static io.urbis.conformance.access.AccessRules.HIDDEN_ROW;
import static io.urbis.conformance.access.AccessRules.RULED;
import static io.urbis.conformance.access.AccessRules.UNKNOWN_COLLECTION;
import static io.urbis.conformance.access.AccessRules.UNKNOWN_PROPERTY;
import static io.urbis.conformance.access.AccessRules.UNKNOWN_ROW;
import static io.urbis.conformance.access.AccessRules.VISIBLE_ROW;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Csv;
import io.urbis.conformance.support.FeaturePages;
import io.urbis.conformance.support.Gdal;
import io.urbis.conformance.support.Glb;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.MediaTypes;
import io.urbis.conformance.support.MvtTile;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.Selection;
import io.urbis.conformance.support.Source;
import io.urbis.conformance.support.TileGrid;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.Urbis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The role matrix of issue 12: every endpoint, for each {@link Role}, against a server of one source whose
 * configuration holds the {@link AccessRules} and names callers by the subclass's {@link Credentials}. Each test
 * checks that exactly the data the role may see comes back (collection ids, counts and feature ids under the row
 * filter, property names, tile and 3D tile contents, compared with {@link Truth}), and {@link Caller} searches every
 * response's status line, headers and decoded body for what is {@link Hidden} from the role. A request that names a
 * hidden collection, property or row must be answered exactly as one naming an unknown twin.
 */
abstract class RoleMatrix {

  private static final String MVT = "application/vnd.mapbox-vector-tile";
  private static final String GLB = "model/gltf-binary";
  private static final String TILESET = "application/json+3dtiles";
  private static final String SCHEMA_JSON = "application/schema+json";
  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final String TMS = "WebMercatorQuad";
  private static final String TILES_3D = "/collections/" + RULED.id() + "/3dtiles";
  /** One page holds every feature of the ruled collection; pages of {@link #PAGE} need several. */
  private static final int ALL = 10_000;
  private static final int PAGE = 150;
  /** Tiles where a few buildings fill a tile, and where a district does. */
  private static final String BUILDINGS_ZOOM = "15";
  private static final String DISTRICTS_ZOOM = "12";
  /** A vector tile's buffer, and half a unit of its grid, as fractions of the tile (as TilesCoreTest has them). */
  private static final double BUFFER = 256.0 / 4096;
  private static final double HALF_UNIT = 0.5 / 4096;
  private static final String LIMITS_ZOOM = "16";
  private static final int CRS84 = 4326;
  /** 3D tiles are read tile by tile up to this many levels (the fixture's tileset has 3). */
  private static final int MAX_3D_LEVELS = 5;
  private static final Pattern TIME_STAMP = Pattern.compile("\"timeStamp\":\"[^\"]*\"");
  private static final Pattern MATCHING = Pattern.compile("of (\\d+) matching");
  private static final Pattern ITEM_LINK = Pattern.compile("/collections/" + RULED.id() + "/items/(\\d+)\\?f=html");

  private final Api api;
  private final Truth truth;
  private final Credentials credentials;
  private final Hidden hidden;
  private final TileGrid grid;
  /** A tile around the row outside the filter, and one over a district. */
  private final TileGrid.Tile buildingsTile;
  private final TileGrid.Tile districtsTile;
  /** The callers of the running test (JUnit makes an instance per test). */
  private final List<Caller> callers = new ArrayList<>();

  /**
   * Starts (once per run, configuration and source) the server of {@code source}'s data with the access rules and
   * the credentials' security section, written to {@code target/urbis-<name>.yaml}.
   */
  RoleMatrix(Api source, Truth truth, Urbis urbis, Credentials credentials, String name) {
    // planners may write: the server keeps its audit trail in the data, so a GeoPackage server has a copy of its own
    this.api = urbis.writableApi(source.source(), name, "--config", AccessRules.writeConfig("urbis-" + name,
        credentials.securityYaml()).toString());
    this.truth = truth;
    this.credentials = credentials;
    this.hidden = new Hidden(truth);
    this.grid = TileGrid.fetch(api, TMS);
    int hiddenRow = Integer.parseInt(truth.column("SELECT count(*) FROM " + RULED.id() + " WHERE id < "
        + HIDDEN_ROW).get(0));
    double[] building = truth.pointOnFeature(RULED, hiddenRow, grid.srid());
    this.buildingsTile = grid.tileAt(BUILDINGS_ZOOM, building[0], building[1]);
    double[] district = truth.pointOnFeature(Layer.DISTRICTS, 0, grid.srid());
    this.districtsTile = grid.tileAt(DISTRICTS_ZOOM, district[0], district[1]);
  }

  /** The role's caller; {@link #verify} searches what it got. */
  private Caller caller(Role role) {
    Caller caller = new Caller(api, role, credentials, hidden);
    callers.add(caller);
    return caller;
  }

  /** Asserts every check, and that no caller of the test got anything hidden from it. */
  private void verify(Executable... checks) {
    verify(List.of(checks));
  }

  private void verify(List<Executable> checks) {
    List<Executable> all = new ArrayList<>(checks);
    callers.forEach(caller -> all.add(caller::nothingShown));
    assertAll(all);
  }

  @EachRole
  @DisplayName("landing page and conformance (JSON, HTML)")
  void landingPage(Role role) {
    Caller caller = caller(role);
    verify(
        () -> ok(caller.get("/", MediaTypes.JSON)),
        () -> ok(caller.get("/?f=html", MediaTypes.HTML)),
        () -> ok(caller.get("/conformance", MediaTypes.JSON)));
  }

  @EachRole
  @DisplayName("/collections (JSON, HTML): exactly the collections the role may read")
  void collections(Role role) {
    Caller caller = caller(role);
    Set<String> visible = AccessRules.visibleCollections(truth, role);
    JsonNode list = json(caller.get("/collections", MediaTypes.JSON));
    String html = ok(caller.get("/collections?f=html", MediaTypes.HTML)).text();
    verify(
        () -> assertEquals(visible, Json.elements(list.path("collections")).stream()
            .map(collection -> collection.path("id").asText()).collect(Collectors.toCollection(TreeSet::new))),
        () -> assertEquals(Set.of(), visible.stream().filter(id -> !html.contains("/collections/" + id + "?"))
            .collect(Collectors.toSet()), "collections the HTML page does not link"));
  }

  @EachRole
  @DisplayName("/collections/{id} (JSON, HTML) of the ruled collection")
  void collection(Role role) {
    Caller caller = caller(role);
    verify(
        () -> assertEquals(RULED.id(), json(caller.get("/collections/" + RULED.id(), MediaTypes.JSON)).path("id")
            .asText()),
        () -> ok(caller.get("/collections/" + RULED.id() + "?f=html", MediaTypes.HTML)));
  }

  @EachRole
  @DisplayName("the ruled collection's extent, TileJSON bounds and tile set limits hold only the rows the role sees")
  void extents(Role role) {
    Caller caller = caller(role);
    Selection rows = AccessRules.visibleRows(role);
    Extent visible = new Extent(truth, rows, CRS84);
    Extent visibleInGrid = new Extent(truth, rows, grid.srid());
    String tiles = "/collections/" + RULED.id() + "/tiles/" + TMS;
    JsonNode bbox = json(caller.get("/collections/" + RULED.id(), MediaTypes.JSON)).at("/extent/spatial/bbox/0");
    JsonNode bounds = json(caller.get(tiles + "/tilejson", MediaTypes.JSON)).path("bounds");
    JsonNode limits = Json.elements(json(caller.get(tiles, MediaTypes.JSON)).path("tileMatrixSetLimits")).stream()
        .filter(limit -> limit.path("tileMatrix").asText().equals(LIMITS_ZOOM)).findFirst().orElseThrow();
    verify(
        // a bbox with heights is west, south, minimum height, east, north, maximum height
        () -> visible.assertHolds(bbox.size() == 6 ? numbers(bbox, 0, 1, 3, 4) : numbers(bbox, 0, 1, 2, 3),
            "the collection's spatial extent " + bbox),
        () -> visible.assertHolds(numbers(bounds, 0, 1, 2, 3), "TileJSON bounds " + bounds),
        () -> assertLimits(limits, visibleInGrid));
  }

  /**
   * Asserts that tile set limits span the tiles of the rows' extent and no more than those of their storage box
   * (rows run from north to south: the north-west corner's tile has the least row and column).
   */
  private void assertLimits(JsonNode limits, Extent extent) {
    TileGrid.Tile tightNorthWest = grid.tileAt(LIMITS_ZOOM, extent.tightest()[0], extent.tightest()[3]);
    TileGrid.Tile tightSouthEast = grid.tileAt(LIMITS_ZOOM, extent.tightest()[2], extent.tightest()[1]);
    TileGrid.Tile wideNorthWest = grid.tileAt(LIMITS_ZOOM, extent.widest()[0], extent.widest()[3]);
    TileGrid.Tile wideSouthEast = grid.tileAt(LIMITS_ZOOM, extent.widest()[2], extent.widest()[1]);
    long minRow = limits.path("minTileRow").asLong();
    long maxRow = limits.path("maxTileRow").asLong();
    long minCol = limits.path("minTileCol").asLong();
    long maxCol = limits.path("maxTileCol").asLong();
    assertAll("tile set limits " + limits + " of the rows' tiles, rows " + tightNorthWest.row() + " to "
        + tightSouthEast.row() + " and columns " + tightNorthWest.col() + " to " + tightSouthEast.col(),
        () -> assertTrue(minRow <= tightNorthWest.row() && minRow >= wideNorthWest.row(), "minTileRow"),
        () -> assertTrue(maxRow >= tightSouthEast.row() && maxRow <= wideSouthEast.row(), "maxTileRow"),
        () -> assertTrue(minCol <= tightNorthWest.col() && minCol >= wideNorthWest.col(), "minTileCol"),
        () -> assertTrue(maxCol >= tightSouthEast.col() && maxCol <= wideSouthEast.col(), "maxTileCol"));
  }

  /**
   * The extents a server may state of some rows: no narrower than the rows' geometries, no wider than their box in
   * the storage CRS (as min x, min y, max x, max y in the CRS of a srid; {@link #assertHolds} in degrees).
   */
  private record Extent(double[] tightest, double[] widest) {

    /**
     * How far an extent may be off, in degrees (about 10 m): a box's edges bow between its corners when transformed,
     * and extents are estimated and rounded. Less than the 60 m between two buildings, which a hidden one would add.
     */
    private static final double ROUNDING = 1e-4;

    Extent(Truth truth, Selection rows, int srid) {
      this(truth.extent(rows, srid), truth.storageExtent(rows, srid));
    }

    void assertHolds(double[] box, String what) {
      assertAll(what + " holds the rows' extent " + Arrays.toString(tightest) + " and is within their storage box "
          + Arrays.toString(widest),
          () -> assertTrue(box[0] <= tightest[0] + ROUNDING && box[0] >= widest[0] - ROUNDING, "west " + box[0]),
          () -> assertTrue(box[1] <= tightest[1] + ROUNDING && box[1] >= widest[1] - ROUNDING, "south " + box[1]),
          () -> assertTrue(box[2] >= tightest[2] - ROUNDING && box[2] <= widest[2] + ROUNDING, "east " + box[2]),
          () -> assertTrue(box[3] >= tightest[3] - ROUNDING && box[3] <= widest[3] + ROUNDING, "north " + box[3]));
    }
  }

  @EachRole
  @DisplayName("the hidden collection is everywhere a 404 (or 400) like an unknown id, and served to planners")
  void hiddenCollection(Role role) {
    Caller caller = caller(role);
    String tile = districtsTile.path();
    List<Executable> checks = new ArrayList<>();
    // target with %s for the collection id, its Accept, and the status of a caller who may read the collection
    record Endpoint(String target, String accept, int status) {}
    for (Endpoint endpoint : List.of(
        new Endpoint("/collections/%s", MediaTypes.JSON, 200),
        new Endpoint("/collections/%s?f=html", MediaTypes.HTML, 200),
        new Endpoint("/collections/%s/items?limit=5", MediaTypes.GEOJSON, 200),
        new Endpoint("/collections/%s/items?f=html&limit=5", MediaTypes.HTML, 200),
        new Endpoint("/collections/%s/items/1", MediaTypes.GEOJSON, 200),
        new Endpoint("/collections/%s/items/1?f=html", MediaTypes.HTML, 200),
        new Endpoint("/collections/%s/queryables", SCHEMA_JSON, 200),
        new Endpoint("/collections/%s/schema", SCHEMA_JSON, 200),
        new Endpoint("/collections/%s/sortables", SCHEMA_JSON, 200),
        new Endpoint("/collections/%s/tiles", MediaTypes.JSON, 200),
        new Endpoint("/collections/%s/tiles/" + TMS, MediaTypes.JSON, 200),
        new Endpoint("/collections/%s/tiles/" + TMS + "/tilejson", MediaTypes.JSON, 200),
        new Endpoint("/collections/%s/tiles/" + TMS + "/style", MediaTypes.JSON, 200),
        new Endpoint("/collections/%s/tiles/" + tile, MVT, 200),
        // the districts are flat: no 3D tiles even for planners, but not the 404 of an unknown collection either
        new Endpoint("/collections/%s/3dtiles", TILESET, 404),
        new Endpoint("/tiles?collections=%s", MediaTypes.JSON, 200),
        new Endpoint("/tiles/" + tile + "?collections=%s", MVT, 200))) {
      String target = endpoint.target().formatted(HIDDEN_COLLECTION);
      checks.add(role.hidesCollection
          ? () -> Hidden.assertSameAsUnknown(caller.unsearched(target, endpoint.accept()), HIDDEN_COLLECTION,
              caller.get(endpoint.target().formatted(UNKNOWN_COLLECTION), endpoint.accept()), UNKNOWN_COLLECTION)
          : () -> {
            Reply reply = caller.get(target, endpoint.accept());
            assertEquals(endpoint.status(), reply.status(), reply::describe);
          });
    }
    verify(checks);
  }

  @EachRole
  @DisplayName("items (GeoJSON): numberMatched, ids and properties are exactly those the role may see")
  void items(Role role) {
    Selection rows = AccessRules.visibleRows(role);
    JsonNode page = json(caller(role).get(RULED.items() + "?limit=" + ALL, MediaTypes.GEOJSON));
    List<JsonNode> features = Json.elements(page.path("features"));
    verify(
        () -> assertEquals(truth.count(rows), page.path("numberMatched").asLong(), "numberMatched"),
        () -> assertEquals(truth.keys(rows), features.stream().map(RULED::keyOf)
            .collect(Collectors.toCollection(TreeSet::new)), "feature ids"),
        () -> assertEquals(Set.of(Set.copyOf(AccessRules.visibleProperties(truth, role))), features.stream()
            .map(feature -> RULED.propertiesOf(feature).keySet()).collect(Collectors.toSet()),
            "the properties of the features"));
  }

  @EachRole
  @DisplayName("downloads (CSV, GeoPackage): the rows and properties the role may see, every one of them")
  void downloads(Role role, @TempDir Path directory) throws IOException {
    Caller caller = caller(role);
    Selection rows = AccessRules.visibleRows(role);
    List<String> columns = new ArrayList<>(List.of("id"));
    columns.addAll(AccessRules.visibleProperties(truth, role));
    List<List<String>> csv = Csv.parse(ok(caller.get(RULED.items() + "?f=csv", "text/csv")).text());
    Path geoPackage = Files.write(directory.resolve("download.gpkg"),
        ok(caller.get(RULED.items() + "?f=gpkg", "application/geopackage+sqlite3")).body());
    List<Executable> checks = new ArrayList<>(List.of(
        () -> assertEquals(columns, csv.get(0).subList(0, csv.get(0).size() - 1), "CSV header"),
        () -> assertEquals(truth.keys(rows), csv.stream().skip(1).map(record -> record.get(0))
            .collect(Collectors.toCollection(TreeSet::new)), "CSV feature ids"),
        () -> assertEquals(truth.count(rows), csv.size() - 1L, "CSV records")));
    if (Gdal.onPath("ogrinfo")) {
      String info = Gdal.run("ogrinfo", "-ro", "-so", geoPackage.toString(), RULED.id());
      checks.add(() -> assertTrue(info.contains("Feature Count: " + truth.count(rows) + "\n"), info));
      checks.add(() -> assertEquals(!role.hidesProperty, info.contains(HIDDEN_PROPERTY + ":"), info));
    }
    verify(checks);
  }

  @EachRole
  @DisplayName("items page by page (next links, with and without sortby): every page counts and holds visible rows")
  void itemPages(Role role) {
    Caller caller = caller(role);
    Selection rows = AccessRules.visibleRows(role);
    List<Executable> checks = new ArrayList<>();
    for (String first : List.of(RULED.items() + "?limit=" + PAGE, RULED.items() + "?limit=" + PAGE
        + "&sortby=-floors,name")) {
      List<JsonNode> pages = new ArrayList<>();
      for (Optional<String> next = Optional.of(first); next.isPresent() && pages.size() <= ALL / PAGE; ) {
        JsonNode page = json(caller.get(next.get(), MediaTypes.GEOJSON));
        pages.add(page);
        next = FeaturePages.link(page, "next");
      }
      List<String> keys = FeaturePages.features(pages).stream().map(RULED::keyOf).toList();
      checks.add(() -> assertAll(first,
          () -> assertEquals(Set.of(truth.count(rows)), pages.stream().map(page -> page.path("numberMatched")
              .asLong()).collect(Collectors.toSet()), "numberMatched of the pages"),
          () -> assertEquals(keys.size(), Set.copyOf(keys).size(), "features on two pages"),
          () -> assertEquals(truth.keys(rows), new TreeSet<>(keys), "feature ids over all pages")));
    }
    verify(checks);
  }

  @EachRole
  @DisplayName("items (HTML): the count and the features linked are exactly those the role may see")
  void itemsHtml(Role role) {
    Selection rows = AccessRules.visibleRows(role);
    String html = ok(caller(role).get(RULED.items() + "?f=html&limit=" + ALL, MediaTypes.HTML)).text();
    Matcher matching = MATCHING.matcher(html);
    Set<String> linked = new TreeSet<>();
    for (Matcher link = ITEM_LINK.matcher(html); link.find(); ) {
      linked.add(link.group(1));
    }
    verify(
        () -> assertTrue(matching.find(), "the page states no number matched ('of N matching')"),
        () -> assertEquals(truth.count(rows), Long.parseLong(matching.group(1)), "number matched"),
        () -> assertEquals(truth.keys(rows), linked, "features linked"));
  }

  @EachRole
  @DisplayName("item (GeoJSON, HTML): visible properties; a row outside the filter is a 404 like an unknown id")
  void item(Role role) {
    Caller caller = caller(role);
    String items = RULED.items() + "/";
    List<Executable> checks = new ArrayList<>(List.of(
        () -> assertEquals(Set.copyOf(AccessRules.visibleProperties(truth, role)), RULED.propertiesOf(
            json(caller.get(items + VISIBLE_ROW, MediaTypes.GEOJSON))).keySet()),
        () -> ok(caller.get(items + VISIBLE_ROW + "?f=html", MediaTypes.HTML))));
    for (String format : List.of("", "?f=html")) {
      String accept = format.isEmpty() ? MediaTypes.GEOJSON : MediaTypes.HTML;
      checks.add(role.filtersRows
          ? () -> Hidden.assertSameAsUnknown(caller.unsearched(items + HIDDEN_ROW + format, accept), HIDDEN_ROW,
              caller.get(items + UNKNOWN_ROW + format, accept), UNKNOWN_ROW)
          : () -> ok(caller.get(items + HIDDEN_ROW + format, accept)));
    }
    verify(checks);
  }

  @EachRole
  @DisplayName("no query reaches a row outside the filter: a filter and a bbox count and find only visible rows")
  void rowsOutsideTheFilter(Role role) {
    Caller caller = caller(role);
    Selection visible = AccessRules.visibleRows(role);
    double[] envelope = truth.envelopes(RULED).get(HIDDEN_ROW);
    Selection around = Selection.bbox(RULED, envelope[0], envelope[1], envelope[2], envelope[3]).and(visible);
    Selection outside = AccessRules.outsideTheFilter().and(visible);
    List<Executable> checks = new ArrayList<>();
    for (Selection selection : List.of(around, outside)) {
      checks.add(() -> {
        JsonNode page = json(caller.get(selection.target(ALL), MediaTypes.GEOJSON));
        assertAll(selection.toString(),
            () -> assertEquals(truth.count(selection), page.path("numberMatched").asLong(), "numberMatched"),
            () -> assertEquals(truth.keys(selection), Json.elements(page.path("features")).stream()
                .map(RULED::keyOf).collect(Collectors.toCollection(TreeSet::new)), "feature ids"));
      });
    }
    verify(checks);
  }

  @EachRole
  @DisplayName("the hidden property in filter, sortby, properties and a property filter is a 400 like an unknown one")
  void hiddenProperty(Role role) {
    Caller caller = caller(role);
    List<Executable> checks = new ArrayList<>();
    // parameter and value, either naming the property as %s; a CQL2 JSON filter says so first
    record Query(String parameter, String value) {

      String of(String property) {
        return (value.startsWith("{") ? "filter-lang=cql2-json&" : "") + parameter.formatted(property) + "="
            + Api.encode(value.formatted(property));
      }
    }
    for (Query query : List.of(
        new Query("filter", "%s IS NULL"),
        new Query("filter", "%s > TIMESTAMP('2020-06-01T00:00:00Z')"),
        new Query("filter", "{\"op\":\"isNull\",\"args\":[{\"property\":\"%s\"}]}"),
        new Query("sortby", "%s"),
        new Query("sortby", "-%s"),
        new Query("properties", "name,%s"),
        new Query("%s", "2020-01-01T06:13:00Z"))) {
      String items = RULED.items() + "?limit=1&";
      checks.add(role.hidesProperty
          ? () -> {
            Reply unknown = caller.get(items + query.of(UNKNOWN_PROPERTY), MediaTypes.GEOJSON);
            assertEquals(400, unknown.status(), unknown::describe);
            Hidden.assertSameAsUnknown(caller.unsearched(items + query.of(HIDDEN_PROPERTY), MediaTypes.GEOJSON),
                HIDDEN_PROPERTY, unknown, UNKNOWN_PROPERTY);
          }
          : () -> ok(caller.get(items + query.of(HIDDEN_PROPERTY), MediaTypes.GEOJSON)));
    }
    verify(checks);
  }

  @EachRole
  @DisplayName("queryables, schema and sortables name the hidden property only to those who see it")
  void schemas(Role role) {
    Caller caller = caller(role);
    List<String> visible = AccessRules.visibleProperties(truth, role);
    List<Executable> checks = new ArrayList<>();
    for (String document : List.of("queryables", "schema", "sortables")) {
      checks.add(() -> {
        Set<String> named = fieldNames(json(caller.get("/collections/" + RULED.id() + "/" + document, SCHEMA_JSON))
            .path("properties"));
        assertAll(document,
            () -> assertEquals(!role.hidesProperty, named.contains(HIDDEN_PROPERTY), "names " + HIDDEN_PROPERTY
                + ": " + named),
            () -> assertTrue(!document.equals("schema") || named.containsAll(visible), "the schema names "
                + named + ", not all of " + visible));
      });
    }
    verify(checks);
  }

  @EachRole
  @DisplayName("/api (OpenAPI JSON, YAML, HTML): only the paths and properties the role may see")
  void openApi(Role role) {
    Caller caller = caller(role);
    JsonNode definition = json(caller.get("/api", MediaTypes.OPENAPI_JSON_30));
    Set<String> paths = fieldNames(definition.path("paths"));
    verify(
        () -> assertEquals(!role.hidesCollection, paths.stream().anyMatch(path -> path.startsWith("/collections/"
            + HIDDEN_COLLECTION + "/")), "paths of the hidden collection: " + paths),
        () -> assertEquals(!role.hidesProperty, definition.toString().contains(HIDDEN_PROPERTY),
            "the definition names " + HIDDEN_PROPERTY),
        () -> ok(caller.get("/api?f=yaml", "application/yaml")),
        () -> ok(caller.get("/api?f=html", MediaTypes.HTML)));
  }

  @EachRole
  @DisplayName("tile sets, TileJSON and styles of the dataset and the ruled collection: only visible layers and fields")
  void tileDocuments(Role role) {
    Caller caller = caller(role);
    String collectionTiles = "/collections/" + RULED.id() + "/tiles";
    JsonNode dataset = json(caller.get("/tiles/" + TMS + "/tilejson", MediaTypes.JSON));
    JsonNode ruled = json(caller.get(collectionTiles + "/" + TMS + "/tilejson", MediaTypes.JSON));
    List<Executable> checks = new ArrayList<>(List.of(
        () -> assertEquals(AccessRules.visibleCollections(truth, role), Json.elements(dataset.path("vector_layers"))
            .stream().map(layer -> layer.path("id").asText()).collect(Collectors.toCollection(TreeSet::new)),
            "the dataset's TileJSON layers"),
        () -> assertEquals(Set.copyOf(AccessRules.visibleProperties(truth, role)), fieldNames(vectorLayer(dataset)
            .path("fields")), "the dataset's TileJSON fields of " + RULED),
        () -> assertEquals(Set.copyOf(AccessRules.visibleProperties(truth, role)), fieldNames(vectorLayer(ruled)
            .path("fields")), "the collection's TileJSON fields")));
    for (String target : List.of("/tiles", "/tiles/" + TMS, "/tiles/" + TMS + "/style", collectionTiles,
        collectionTiles + "/" + TMS, collectionTiles + "/" + TMS + "/style")) {
      checks.add(() -> ok(caller.get(target, MediaTypes.JSON)));
    }
    for (String target : List.of("/tiles/" + TMS + "?f=html", collectionTiles + "/" + TMS + "?f=html")) {
      checks.add(() -> ok(caller.get(target, MediaTypes.HTML)));
    }
    verify(checks);
  }

  @EachRole
  @DisplayName("vector tiles of the collection and of the dataset: only visible rows, only visible properties")
  void vectorTiles(Role role) {
    Caller caller = caller(role);
    Set<String> visible = truth.keys(AccessRules.visibleRows(role));
    Set<String> hiddenRows = truth.keys(AccessRules.hiddenRows(role));
    Set<String> touching = truth.keysIntersecting(RULED, grid.srid(), buildingsTile.envelopeSql(-HALF_UNIT));
    Set<String> nearby = truth.keysIntersecting(RULED, grid.srid(), buildingsTile.envelopeSql(BUFFER + HALF_UNIT));
    Set<String> expectedAtLeast = intersection(touching, visible);
    Set<String> properties = Set.copyOf(AccessRules.visibleProperties(truth, role));
    assertTrue(touching.contains(HIDDEN_ROW), "the fixture's row " + HIDDEN_ROW + " is in " + buildingsTile.path());
    List<Executable> checks = new ArrayList<>();
    for (String target : List.of("/collections/" + RULED.id() + "/tiles/" + buildingsTile.path(),
        "/tiles/" + buildingsTile.path())) {
      checks.add(() -> {
        MvtTile.MvtLayer layer = MvtTile.decode(ok(caller.get(target, MVT)).body()).layer(RULED.id());
        Set<String> keys = layer.features().stream().map(feature -> String.valueOf(feature.id()))
            .collect(Collectors.toCollection(TreeSet::new));
        assertAll(target,
            () -> assertEquals(Set.of(), intersection(keys, hiddenRows), "rows outside the row filter"),
            () -> assertEquals(Set.of(), difference(expectedAtLeast, keys), "visible rows in the tile missing"),
            () -> assertEquals(Set.of(), difference(keys, nearby), "rows not in the tile's buffer"),
            () -> assertEquals(properties, layer.features().stream().flatMap(feature -> feature.attributes()
                .keySet().stream()).collect(Collectors.toSet()), "attributes"));
      });
    }
    checks.add(() -> {
      Reply reply = caller.get("/tiles/" + districtsTile.path(), MVT);
      Set<String> layers = reply.status() == 204 ? Set.of() : MvtTile.decode(ok(reply).body()).layers().stream()
          .map(MvtTile.MvtLayer::name).collect(Collectors.toSet());
      assertEquals(!role.hidesCollection, layers.contains(HIDDEN_COLLECTION), "/tiles/" + districtsTile.path()
          + " has the layers " + layers);
    });
    verify(checks);
  }

  @EachRole
  @DisplayName("3D tiles (tileset, schema, subtree, every content GLB): only visible rows and properties")
  void tiles3d(Role role) {
    Assumptions.assumeTrue(api.source() == Source.POSTGIS, "only PostGIS sources read 3D models: the GeoPackage"
        + " server offers no 3D tiles");
    Caller caller = caller(role);
    Set<String> schemaProperties = fieldNames(json(caller.get(TILES_3D + "/schema.json", MediaTypes.JSON))
        .at("/classes/" + RULED.id() + "/properties"));
    // the root's region: west, south, east, north in radians, then heights
    double[] region = Arrays.stream(numbers(json(caller.get(TILES_3D, TILESET)).at("/root/boundingVolume/region"),
        0, 1, 2, 3)).map(Math::toDegrees).toArray();
    ok(caller.get(TILES_3D + "/subtrees/0/0/0.subtree", "application/octet-stream"));
    Set<String> featureIds = new TreeSet<>();
    for (Reply content : contents3d(caller)) {
      Glb glb = Glb.decode(content.body());
      glb.propertyTables().forEach(table -> featureIds.addAll(glb.strings(table, "featureId")));
    }
    Selection extruded = AccessRules.visibleRows(role).and(new Selection(RULED, "", AccessRules.HEIGHT
        + " IS NOT NULL", List.of()));
    verify(
        () -> new Extent(truth, extruded, CRS84).assertHolds(region, "the root's region"),
        () -> assertEquals(!role.hidesProperty, schemaProperties.contains(HIDDEN_PROPERTY),
            "the 3D tiles' schema has the properties " + schemaProperties),
        () -> assertEquals(truth.keys(extruded), featureIds, "the features of all 3D tiles"));
  }

  @EachRole
  @DisplayName("writes: Allow lists them to writers only; a write to the hidden collection or a hidden row is one to"
      + " an unknown one; a reader's is refused")
  void writes(Role role) {
    Caller caller = caller(role);
    boolean writes = role == Role.PLANNER;
    String items = RULED.items();
    List<Executable> checks = new ArrayList<>(List.of(
        () -> assertEquals(writes ? Set.of("GET", "HEAD", "OPTIONS", "POST") : Set.of("GET", "HEAD", "OPTIONS"),
            allowed(caller.send("OPTIONS", items, null, null)), "Allow of " + items),
        () -> assertEquals(writes ? Set.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE")
            : Set.of("GET", "HEAD", "OPTIONS"), allowed(caller.send("OPTIONS", items + "/" + VISIBLE_ROW, null,
            null)), "Allow of a feature")));
    if (!writes) {
      // {} is no feature: a write that got past the access rules would be a 400 and change nothing
      checks.add(() -> assertEquals(role.user == null ? 401 : 403, caller.send("POST", items, "{}",
          MediaTypes.GEOJSON).status(), "a reader's POST"));
    }
    // method, target with %s for a name, body, media type. No DELETE: should the rules fail, it would take a feature
    // from the fixture every test reads; writes that succeed are the editing tests', on data of their own
    record Write(String method, String target, String body, String mediaType) {}
    List<Write> hiddenCollection = List.of(
        new Write("OPTIONS", "/collections/%s/items", null, null),
        new Write("OPTIONS", "/collections/%s/items/1", null, null),
        new Write("POST", "/collections/%s/items", "{}", MediaTypes.GEOJSON),
        new Write("PUT", "/collections/%s/items/1", "{}", MediaTypes.GEOJSON),
        new Write("PATCH", "/collections/%s/items/1", "{}", MERGE_PATCH));
    List<Write> hiddenRow = List.of(
        new Write("OPTIONS", items + "/%s", null, null),
        new Write("PUT", items + "/%s", "{}", MediaTypes.GEOJSON),
        new Write("PATCH", items + "/%s", "{}", MERGE_PATCH));
    for (Write write : role.hidesCollection ? hiddenCollection : List.<Write>of()) {
      checks.add(() -> Hidden.assertSameAsUnknown(caller.unsearchedSend(write.method(), write.target()
          .formatted(HIDDEN_COLLECTION), write.body(), write.mediaType()), HIDDEN_COLLECTION, caller.send(
          write.method(), write.target().formatted(UNKNOWN_COLLECTION), write.body(), write.mediaType()),
          UNKNOWN_COLLECTION));
    }
    for (Write write : role.filtersRows ? hiddenRow : List.<Write>of()) {
      checks.add(() -> Hidden.assertSameAsUnknown(caller.unsearchedSend(write.method(), write.target()
          .formatted(HIDDEN_ROW), write.body(), write.mediaType()), HIDDEN_ROW, caller.send(write.method(),
          write.target().formatted(UNKNOWN_ROW), write.body(), write.mediaType()), UNKNOWN_ROW));
    }
    verify(checks);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Role.class, names = "PLANNER", mode = EnumSource.Mode.EXCLUDE)
  @DisplayName("an answer that differs from a planner's varies by credentials, private with them, with its own ETag")
  void answersAreNotShared(Role role) {
    Caller caller = caller(role);
    Caller planner = caller(Role.PLANNER);
    List<Executable> checks = new ArrayList<>();
    record Request(String target, String accept) {}
    for (Request request : List.of(
        new Request("/collections", MediaTypes.JSON),
        new Request("/collections/" + RULED.id(), MediaTypes.JSON),
        new Request(RULED.items() + "?limit=3", MediaTypes.GEOJSON),
        new Request(RULED.items() + "/" + VISIBLE_ROW, MediaTypes.GEOJSON),
        new Request("/collections/" + RULED.id() + "/queryables", SCHEMA_JSON),
        new Request("/api", MediaTypes.OPENAPI_JSON_30),
        new Request("/tiles/" + TMS + "/tilejson", MediaTypes.JSON),
        new Request("/collections/" + RULED.id() + "/tiles/" + buildingsTile.path(), MVT),
        new Request(TILES_3D + "/schema.json", MediaTypes.JSON))) {
      checks.add(() -> {
        Reply mine = caller.get(request.target(), request.accept());
        Reply theirs = planner.get(request.target(), request.accept());
        if (comparable(mine).equals(comparable(theirs))) {
          return;
        }
        assertAll(request.target() + " differs between " + role + " and " + Role.PLANNER,
            () -> assertKeptApart(mine, role),
            () -> assertKeptApart(theirs, Role.PLANNER),
            () -> assertTrue(mine.header("ETag").isEmpty() || !mine.header("ETag").equals(theirs.header("ETag")),
                "the same ETag " + mine.header("ETag").orElse("")),
            () -> theirs.header("ETag").ifPresent(etag -> assertNotEquals(304, caller.get(request.target(),
                request.accept(), "If-None-Match", etag).status(), "a planner's ETag revalidates the " + role
                + "'s answer")));
      });
    }
    verify(checks);
  }

  @Test
  @DisplayName("the search finds everything hidden where planners may see it: in JSON, HTML, MVT and GLB")
  void searchFindsWhatPlannersSee() {
    Caller planner = caller(Role.PLANNER);
    List<Reply> answers = List.of(
        planner.get("/collections", MediaTypes.JSON),
        planner.get("/collections/" + HIDDEN_COLLECTION + "/items", MediaTypes.GEOJSON),
        planner.get(RULED.items() + "?limit=" + ALL, MediaTypes.GEOJSON),
        planner.get(RULED.items() + "?f=html&limit=" + ALL, MediaTypes.HTML));
    Reply tile = ok(planner.get("/collections/" + RULED.id() + "/tiles/" + buildingsTile.path(), MVT));
    List<Reply> contents = api.source() == Source.POSTGIS ? contents3d(planner) : List.of();
    List<Executable> checks = new ArrayList<>();
    for (Hidden.Marker marker : hidden.all()) {
      checks.add(() -> assertTrue(answers.stream().anyMatch(marker::isIn), "no planner's answer shows "
          + marker.what() + " (" + marker.pattern() + ")"));
    }
    for (Hidden.Marker marker : hidden.inTiles()) {
      checks.add(() -> assertTrue(marker.isIn(tile), "the planner's vector tile does not show " + marker.what()));
      checks.add(() -> assertTrue(contents.isEmpty() || contents.stream().anyMatch(marker::isIn),
          "no planner's 3D tile shows " + marker.what()));
    }
    verify(checks);
  }

  /** Every 3D tile of the ruled collection with content as the role gets it, read level by level. */
  private static List<Reply> contents3d(Caller caller) {
    JsonNode tileset = json(caller.get(TILES_3D, TILESET));
    int levels = tileset.at("/root/implicitTiling/availableLevels").asInt();
    assertTrue(levels > 0 && levels <= MAX_3D_LEVELS, "availableLevels " + levels + " (the test reads every tile up"
        + " to " + MAX_3D_LEVELS + " levels)");
    List<Reply> contents = new ArrayList<>();
    for (int level = 0; level < levels; level++) {
      for (long x = 0; x < 1L << level; x++) {
        for (long y = 0; y < 1L << level; y++) {
          Reply reply = caller.get(TILES_3D + "/content/" + level + "/" + x + "/" + y + ".glb", GLB);
          if (reply.status() != 404) {
            contents.add(ok(reply));
          }
        }
      }
    }
    return contents;
  }

  /**
   * Asserts that HTTP caches keep the response to this role's request apart: it varies by the credential headers, so
   * a shared cache keeps one copy per credential (the anonymous copy stays shareable), and a response to a request
   * with credentials is {@code private}, kept by no shared cache.
   */
  private static void assertKeptApart(Reply reply, Role role) {
    Set<String> vary = reply.headers().allValues("Vary").stream().flatMap(value -> Arrays.stream(value.split(",")))
        .map(name -> name.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    String cacheControl = String.join(",", reply.headers().allValues("Cache-Control")).toLowerCase(Locale.ROOT);
    assertAll(role + ": " + reply.uri(),
        () -> assertTrue(vary.containsAll(Set.of("authorization", "x-api-key")), "Vary: " + vary),
        () -> assertTrue(role.user == null || cacheControl.contains("private") && !cacheControl.contains("public"),
            "Cache-Control: " + cacheControl));
  }

  /** The body but for what any two responses differ in (request id, time stamp). */
  private static String comparable(Reply reply) {
    return TIME_STAMP.matcher(Hidden.withoutRequestId(reply)).replaceAll("");
  }

  /** The methods a response's {@code Allow} names. */
  private static Set<String> allowed(Reply reply) {
    assertEquals(200, reply.status(), reply::describe);
    return Arrays.stream(reply.header("Allow").orElse("").split(",")).map(String::strip)
        .filter(method -> !method.isEmpty()).collect(Collectors.toSet());
  }

  private static JsonNode vectorLayer(JsonNode tileJson) {
    return Json.elements(tileJson.path("vector_layers")).stream()
        .filter(layer -> layer.path("id").asText().equals(RULED.id())).findFirst()
        .orElseThrow(() -> new AssertionError("no vector layer " + RULED + " in " + tileJson));
  }

  private static double[] numbers(JsonNode array, int... indices) {
    return Arrays.stream(indices).mapToDouble(i -> array.path(i).asDouble(Double.NaN)).toArray();
  }

  private static Reply ok(Reply reply) {
    assertEquals(200, reply.status(), reply::describe);
    return reply;
  }

  private static JsonNode json(Reply reply) {
    return ok(reply).json();
  }

  private static Set<String> fieldNames(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> intersection(Set<String> a, Set<String> b) {
    Set<String> both = new TreeSet<>(a);
    both.retainAll(b);
    return both;
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> rest = new TreeSet<>(a);
    rest.removeAll(b);
    return rest;
  }
}
