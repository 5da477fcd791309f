package io.urbis.source.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.Collection;
import io.urbis.catalog.SpatialExtent;
import io.urbis.crs.Crs;
import io.urbis.encode.Extent;
import io.urbis.query.Bbox;
import io.urbis.query.FeatureQuery;
import io.urbis.query.PropertyFilter;
import io.urbis.query.TimeInterval;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import io.urbis.source.SourceSettings;
import io.urbis.testdata.Await;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * numberMatched and extents as the data changes under a running source: counts exact at once after a commit, a bbox
 * that finds what was inserted far outside the extent seen at start-up, and extents that follow within seconds.
 * numberMatched of a bbox or datetime that holds all the data (as a client asks that draws the whole collection):
 * stated however many rows match, the count of the features served, not of the rows: a bbox keeps features without
 * geometry but not those whose geometry is empty, a datetime none without a time.
 */
class PostgisCountsAndExtentsTest {

  /** Filtered requests the planner expects to match more than this omit numberMatched. */
  private static final int LIMIT = 10;
  /** Rows of a page that holds them all. */
  private static final int MANY = 1000;
  /** Where features are inserted: far from the others, which lie near 8.1°E 52°N. */
  private static final double FAR_LON = 20;
  private static final double FAR_LAT = 60;
  /** How long the statistics may take to show a commit to other sessions, and the extent to follow it. */
  private static final Duration FOLLOWING = Duration.ofSeconds(20);

  private static PostgisTestDatabase database;
  private static PostgisFeatureSource source;
  private static Map<String, Collection> collections;

  @BeforeAll
  static void publish() throws Exception {
    database = new PostgisTestDatabase("fixture.sql");
    for (String table : List.of("counted", "indexed", "unindexed", "wandering")) {
      execute("CREATE TABLE " + table + " (id serial PRIMARY KEY, name text, geom geometry(Point, 25832));"
          + " INSERT INTO " + table + " (name, geom) SELECT 'point ' || i, ST_SetSRID(ST_MakePoint(440000 + i * 10,"
          + " 5760000), 25832) FROM generate_series(1, 50) i");
    }
    execute("CREATE INDEX ON counted USING gist (geom); CREATE INDEX ON indexed USING gist (geom);"
        + " CREATE INDEX ON wandering USING gist (geom); CREATE VIEW counted_view AS SELECT * FROM counted;"
        // places in a row, one without geometry, one whose geometry is empty, one without time
        + " CREATE TABLE places (id serial PRIMARY KEY, kind text, seen timestamptz, geom geometry(Point, 25832));"
        + " INSERT INTO places (kind, seen, geom) SELECT CASE WHEN i <= 3 THEN 'rare' ELSE 'common' END,"
        + " timestamptz '2020-01-01 00:00:00+00' + i * interval '1 day',"
        + " ST_SetSRID(ST_MakePoint(356000 + i * 20, 5645000 + i), 25832) FROM generate_series(1, 40) i;"
        + " INSERT INTO places (kind, seen, geom) VALUES ('nowhere', timestamptz '2020-01-05 00:00:00+00', NULL),"
        + " ('empty', timestamptz '2020-01-06 00:00:00+00', 'SRID=25832;POINT EMPTY'),"
        + " ('timeless', NULL, ST_SetSRID(ST_MakePoint(356400, 5645010), 25832));"
        + " CREATE INDEX ON places USING gist (geom);"
        // places just west of the antimeridian
        + " CREATE TABLE pacific (id serial PRIMARY KEY, geom geometry(Point, 4326) NOT NULL);"
        + " INSERT INTO pacific (geom) SELECT ST_SetSRID(ST_MakePoint(175 + i * 0.1, -20 + i), 4326)"
        + " FROM generate_series(1, 30) i; ANALYZE");
    source = new PostgisFeatureSource(database.url(), new SourceSettings(8, LIMIT), List.of("public"));
    collections = source.discover().stream().collect(Collectors.toMap(Collection::id, Function.identity()));
  }

  @AfterAll
  static void drop() throws Exception {
    source.close();
    database.close();
  }

  @Test
  void withoutFiltersNumberMatchedIsTheRowCountHoweverMany() throws Exception {
    assertEquals(OptionalLong.of(count("SELECT count(*) FROM parcels")),
        matched("parcels", new FeatureQuery(null, null, 5, null)));
    assertTrue(count("SELECT count(*) FROM parcels") > LIMIT);
  }

  @Test
  void aFilteredRequestIsCountedWhenThePlannerExpectsFewMatches() throws Exception {
    FeatureQuery named = new FeatureQuery(null, null, 5, null, List.of(new PropertyFilter("name", "parcel 13")));
    assertEquals(OptionalLong.of(1), matched("parcels", named));
    Bbox parcel = new Bbox(coordinate("ST_XMin"), coordinate("ST_YMin"), coordinate("ST_XMax"),
        coordinate("ST_YMax"));
    assertEquals(OptionalLong.of(1), matched("parcels", new FeatureQuery(parcel, null, 5, null)));
  }

  @Test
  void aFilteredRequestThePlannerExpectsToMatchMoreThanTheLimitOmitsNumberMatched() throws Exception {
    assertTrue(count("SELECT count(*) FROM parcels WHERE listed") > LIMIT);
    FeatureQuery listed = new FeatureQuery(null, null, 5, null, List.of(new PropertyFilter("listed", true)));
    assertEquals(OptionalLong.empty(), matched("parcels", listed));
    // the first row of parcels: many, but not all (a bbox holding all of them is counted)
    Bbox firstRow = new Bbox(7, 51, 9, coordinate("ST_YMax"));
    assertEquals(OptionalLong.empty(), matched("parcels", new FeatureQuery(firstRow, null, 5, null)));
  }

  @Test
  void numberMatchedCountsARowCommittedAMomentAgo() throws Exception {
    FeatureQuery all = new FeatureQuery(null, null, 5, null);
    long before = matched("counted", all).orElseThrow();
    assertEquals(before, matched("counted", all).orElseThrow());
    insertFar("counted");
    assertEquals(OptionalLong.of(before + 1), matched("counted", all), "at once, without waiting for statistics");
    assertEquals(OptionalLong.of(before + 1), matched("counted_view", all));
    assertEquals(count("SELECT count(*) FROM counted"), before + 1);
  }

  @Test
  void aBboxFindsAFeatureInsertedFarOutsideTheExtentSeenBefore() throws Exception {
    Bbox far = new Bbox(FAR_LON - 0.1, FAR_LAT - 0.1, FAR_LON + 0.1, FAR_LAT + 0.1);
    for (String table : List.of("indexed", "unindexed")) {
      assertEquals(List.of(), ids(table, new FeatureQuery(far, null, 10, null)), table + " before");
      long id = insertFar(table);
      assertEquals(List.of(id), ids(table, new FeatureQuery(far, null, 10, null)), table + " after, at once");
    }
  }

  @Test
  void theExtentOfTheCollectionFollowsTheData() throws Exception {
    Collection wandering = collections.get("wandering");
    assertTrue(wandering.spatialExtent().maxLon() < 9, "the start-up extent " + wandering.spatialExtent());
    insertFar("wandering");
    Await.until(() -> covers(wandering.spatialExtent(), FAR_LON, FAR_LAT), FOLLOWING,
        () -> "the extent of wandering is still " + wandering.spatialExtent());
    assertTrue(wandering.spatialExtent().minLon() < 8.2, "the extent still holds the first points");
  }

  @Test
  void aViewChangesVersionWithTheTableItReads() throws Exception {
    Collection view = collections.get("counted_view");
    String before = source.dataVersion(view);
    insertFar("counted");
    Await.until(() -> !before.equals(source.dataVersion(view)), FOLLOWING,
        () -> "the view's version stayed " + before);
    assertNotEquals(before, view.data().version());
  }

  @Test
  void aBboxOfTheExtentTheCollectionShowsStatesTheCountOfTheFeaturesItKeeps() throws Exception {
    long kept = count("SELECT count(*) FROM places WHERE geom IS NULL OR NOT ST_IsEmpty(geom)");
    assertEquals(count("SELECT count(*) FROM places") - 1, kept, "all but the empty point");
    FeatureQuery shown = new FeatureQuery(shownExtent("places"), null, MANY, null);
    assertEquals(OptionalLong.of(kept), matched("places", shown));
    assertEquals(kept, served("places", shown), "the features served");
    assertEquals(OptionalLong.of(kept), matched("places", new FeatureQuery(new Bbox(-180, -90, 180, 90), null, 1,
        null)));
  }

  @Test
  void aBboxShortOfTheExtentOnAnySideLeavesItOut() {
    Bbox shown = shownExtent("places");
    double in = 1e-6;
    for (Bbox bbox : List.of(new Bbox(shown.minX() + in, shown.minY(), shown.maxX(), shown.maxY()),
        new Bbox(shown.minX(), shown.minY() + in, shown.maxX(), shown.maxY()),
        new Bbox(shown.minX(), shown.minY(), shown.maxX() - in, shown.maxY()),
        new Bbox(shown.minX(), shown.minY(), shown.maxX(), shown.maxY() - in))) {
      assertEquals(OptionalLong.empty(), matched("places", new FeatureQuery(bbox, null, 1, null)), bbox.toString());
    }
  }

  @Test
  void aBboxInTheStorageCrsHoldsTheDataWhenItCoversTheirBox() throws Exception {
    Crs utm = Crs.epsg(25832);
    long kept = count("SELECT count(*) FROM places WHERE geom IS NULL OR NOT ST_IsEmpty(geom)");
    assertEquals(OptionalLong.of(kept), matched("places", new FeatureQuery(new Bbox(356020, 5645001, 356800, 5645040,
        utm), null, 1, null)), "equal to the box of the points");
    assertEquals(OptionalLong.empty(), matched("places", new FeatureQuery(new Bbox(356020, 5645001, 356799, 5645040,
        utm), null, 1, null)), "a metre short in the east");
  }

  @Test
  void aBboxAcrossTheAntimeridianHoldsTheDataWhenOneOfItsPartsDoes() throws Exception {
    long rows = count("SELECT count(*) FROM pacific");
    assertEquals(OptionalLong.of(rows), matched("pacific", new FeatureQuery(new Bbox(170, -30, -170, 30), null, 1,
        null)));
    Bbox equal = shownExtent("pacific");
    assertEquals(OptionalLong.of(rows), matched("pacific", new FeatureQuery(new Bbox(equal.minX(), equal.minY(),
        -170, equal.maxY()), null, MANY, null)));
    assertEquals(OptionalLong.empty(), matched("pacific", new FeatureQuery(new Bbox(176, -30, -170, 30), null, 1,
        null)), "west of the data's west edge");
  }

  @Test
  void aDatetimeOfAllTimesStatesTheCountOfTheFeaturesThatHaveATime() throws Exception {
    long timed = count("SELECT count(*) FROM places WHERE seen IS NOT NULL");
    Instant first = Instant.parse("2020-01-02T00:00:00Z");
    Instant last = Instant.parse("2020-02-10T00:00:00Z");
    assertEquals(OptionalLong.of(timed), matched("places", new FeatureQuery(null, new TimeInterval(first, last), 1,
        null)));
    assertEquals(timed, served("places", new FeatureQuery(null, new TimeInterval(first, last), MANY, null)));
    assertEquals(OptionalLong.of(timed), matched("places", new FeatureQuery(null, new TimeInterval(null, last), 1,
        null)), "open at the start");
    assertEquals(OptionalLong.empty(), matched("places", new FeatureQuery(null, new TimeInterval(first.plusSeconds(1),
        last), 1, null)), "a second short");
    FeatureQuery both = new FeatureQuery(shownExtent("places"), new TimeInterval(first, null), MANY, null);
    assertEquals(OptionalLong.of(served("places", both)), matched("places", both), "bbox and datetime holding all");
    assertEquals(count("SELECT count(*) FROM places WHERE seen IS NOT NULL AND (geom IS NULL OR NOT"
        + " ST_IsEmpty(geom))"), served("places", both));
  }

  @Test
  void otherFiltersAreNotShortCut() throws Exception {
    assertTrue(count("SELECT count(*) FROM places WHERE kind = 'common'") > LIMIT);
    assertEquals(OptionalLong.empty(), matched("places", new FeatureQuery(shownExtent("places"), null, 1, null,
        List.of(new PropertyFilter("kind", "common")))));
  }

  /** The collection's extent as {@code /collections} writes it: in 7 decimals, as a client takes it for its bbox. */
  private static Bbox shownExtent(String collection) {
    double[] box = Extent.of(collections.get(collection).spatialExtent(), null).spatial().bbox().get(0);
    return new Bbox(box[0], box[1], box[2], box[3]);
  }

  /** A coordinate of parcel 1's CRS84 envelope, e.g. {@code ST_XMin}, a little inside it. */
  private static double coordinate(String function) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT " + function + "(ST_Expand(ST_Envelope(ST_Transform(geom,"
            + " 4326)), -1e-6)) FROM parcels WHERE id = 1")) {
      rows.next();
      return rows.getDouble(1);
    }
  }

  private static boolean covers(SpatialExtent extent, double lon, double lat) {
    return extent.minLon() <= lon && lon <= extent.maxLon() && extent.minLat() <= lat && lat <= extent.maxLat();
  }

  private static OptionalLong matched(String collection, FeatureQuery query) {
    try (FeatureStream page = source.query(collections.get(collection), query)) {
      return page.numberMatched();
    }
  }

  /** How many features one page of {@code query} holds (a page of all of them, with {@link #MANY}). */
  private static long served(String collection, FeatureQuery query) {
    long features = 0;
    try (FeatureStream page = source.query(collections.get(collection), query)) {
      for (EncodedFeature feature = page.next(); feature != null; feature = page.next()) {
        features++;
      }
    }
    return features;
  }

  private static List<Object> ids(String collection, FeatureQuery query) {
    List<Object> ids = new ArrayList<>();
    try (FeatureStream page = source.query(collections.get(collection), query)) {
      for (EncodedFeature feature = page.next(); feature != null; feature = page.next()) {
        ids.add(feature.id());
      }
    }
    return ids;
  }

  /** Inserts a point at the far place, committed on a connection of its own; returns its id. */
  private static long insertFar(String table) throws Exception {
    return count("INSERT INTO " + table + " (name, geom) VALUES ('far', ST_Transform(ST_SetSRID(ST_MakePoint("
        + FAR_LON + ", " + FAR_LAT + "), 4326), 25832)) RETURNING id");
  }

  private static long count(String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void execute(String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
