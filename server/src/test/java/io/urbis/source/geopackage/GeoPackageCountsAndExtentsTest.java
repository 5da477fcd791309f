package io.urbis.source.geopackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.urbis.catalog.Collection;
import io.urbis.catalog.SpatialExtent;
import io.urbis.demo.DemoCity;
import io.urbis.query.Bbox;
import io.urbis.query.FeatureQuery;
import io.urbis.query.PropertyFilter;
import io.urbis.source.SourceSettings;
import io.urbis.testdata.Await;
import io.urbis.testdata.Gdal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * numberMatched and extents as another program writes to the file under a running source: counts exact at once, a
 * bbox that finds what was added far outside the extent seen before, and extents that follow within seconds.
 */
class GeoPackageCountsAndExtentsTest {

  /** Filtered requests with more candidates than this omit numberMatched. */
  private static final int LIMIT = 100;
  private static final Duration FOLLOWING = Duration.ofSeconds(10);
  /** A building far from the demo town, which lies near 7°E 51°N. */
  private static final String FAR_BUILDING = """
      {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"function": "far"},
        "geometry": {"type": "Polygon", "coordinates": [[[20, 60], [20.001, 60], [20.001, 60.001], [20, 60]]]}}]}
      """;

  @TempDir static Path folder;
  private static Path file;
  private static GeoPackageFeatureSource source;
  private static Collection buildings;

  @BeforeAll
  static void openACopyOfTheDemoTown() throws Exception {
    file = Files.copy(DemoCity.ensure(folder.resolve("demo.gpkg")), folder.resolve("written.gpkg"));
    source = new GeoPackageFeatureSource(file, new SourceSettings(7, LIMIT));
    buildings = GeoPackageFeatureSourceTest.collection(source, "buildings");
  }

  @AfterAll
  static void close() {
    source.close();
  }

  @Test
  void withoutFiltersNumberMatchedIsTheRowCountHoweverMany() throws Exception {
    long rows = count("SELECT count(*) FROM buildings");
    assertTrue(rows > LIMIT);
    assertEquals(OptionalLong.of(rows), matched(new FeatureQuery(null, null, 1, null)));
  }

  @Test
  void filteredRequestsAreCountedWhenTheyHaveFewCandidates() throws Exception {
    long industrial = count("SELECT count(*) FROM buildings WHERE function = 'industrial'");
    assertTrue(industrial > 0 && industrial <= LIMIT);
    assertEquals(OptionalLong.of(industrial), matched(byFunction("industrial")));
    assertTrue(count("SELECT count(*) FROM buildings WHERE function = 'residential'") > LIMIT);
    assertEquals(OptionalLong.empty(), matched(byFunction("residential")));
    Bbox westHalf = new Bbox(-180, -90, (buildings.spatialExtent().minLon() + buildings.spatialExtent().maxLon()) / 2,
        90);
    assertEquals(OptionalLong.empty(), matched(new FeatureQuery(westHalf, null, 1, null)));
  }

  @Test
  void aBuildingAddedFarAwayIsCountedFoundAndInTheExtent() throws Exception {
    assumeTrue(Gdal.has("ogr2ogr"), "GDAL's ogr2ogr writes the GeoPackage");
    FeatureQuery all = new FeatureQuery(null, null, 1, null);
    Bbox far = new Bbox(19.9, 59.9, 20.1, 60.1);
    long before = matched(all).orElseThrow();
    assertEquals(OptionalLong.of(0), matched(new FeatureQuery(far, null, 10, null)));
    assertTrue(buildings.spatialExtent().maxLon() < 10, "the extent before: " + buildings.spatialExtent());

    Gdal.append(FAR_BUILDING, file, "buildings", buildings.srid());

    assertEquals(OptionalLong.of(before + 1), matched(all), "counted at once");
    assertEquals(List.of(count("SELECT max(fid) FROM buildings")),
        PageWalker.page(source, buildings, new FeatureQuery(far, null, 10, null)).ids(), "the bbox finds it at once");
    Await.until(() -> covers(buildings.spatialExtent(), 20.0005, 60.0005), FOLLOWING,
        () -> "the extent is still " + buildings.spatialExtent());
  }

  private static boolean covers(SpatialExtent extent, double lon, double lat) {
    return extent.minLon() <= lon && lon <= extent.maxLon() && extent.minLat() <= lat && lat <= extent.maxLat();
  }

  private static FeatureQuery byFunction(String function) {
    return new FeatureQuery(null, null, 1, null, List.of(new PropertyFilter("function", function)));
  }

  private static OptionalLong matched(FeatureQuery query) {
    return PageWalker.page(source, buildings, query).numberMatched();
  }

  private static long count(String sql) {
    return SqliteValues.number(file, sql);
  }
}
