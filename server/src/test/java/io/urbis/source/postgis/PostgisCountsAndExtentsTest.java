package io.urbis.source.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.Collection;
import io.urbis.catalog.SpatialExtent;
import io.urbis.query.Bbox;
import io.urbis.query.FeatureQuery;
import io.urbis.query.PropertyFilter;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import io.urbis.source.SourceSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * numberMatched and extents as the data changes under a running source: counts exact at once after a commit, a bbox
 * that finds what was inserted far outside the extent seen at start-up, and extents that follow within seconds.
 */
class PostgisCountsAndExtentsTest {

  /** Filtered requests the planner expects to match more than this omit numberMatched. */
  private static final int LIMIT = 10;
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
        + " CREATE INDEX ON wandering USING gist (geom); CREATE VIEW counted_view AS SELECT * FROM counted; ANALYZE");
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
    assertEquals(OptionalLong.empty(), matched("parcels", new FeatureQuery(new Bbox(7, 51, 9, 53), null, 5, null)));
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
    awaitTrue(() -> covers(wandering.spatialExtent(), FAR_LON, FAR_LAT), () -> "the extent of wandering is still "
        + wandering.spatialExtent());
    assertTrue(wandering.spatialExtent().minLon() < 8.2, "the extent still holds the first points");
  }

  @Test
  void aViewChangesVersionWithTheTableItReads() throws Exception {
    Collection view = collections.get("counted_view");
    String before = source.dataVersion(view);
    insertFar("counted");
    awaitTrue(() -> !before.equals(source.dataVersion(view)), () -> "the view's version stayed " + before);
    assertNotEquals(before, view.data().version());
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

  private static void awaitTrue(BooleanSupplier condition, java.util.function.Supplier<String> failure)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(FOLLOWING);
    while (!condition.getAsBoolean()) {
      assertTrue(Instant.now().isBefore(deadline), failure.get() + " after " + FOLLOWING.toSeconds() + " s");
      Thread.sleep(200);
    }
  }

  private static OptionalLong matched(String collection, FeatureQuery query) {
    try (FeatureStream page = source.query(collections.get(collection), query)) {
      return page.numberMatched();
    }
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
