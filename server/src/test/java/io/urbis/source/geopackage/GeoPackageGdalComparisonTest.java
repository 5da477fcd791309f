package io.urbis.source.geopackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.catalog.Collection;
import io.urbis.crs.Crs;
import io.urbis.query.FeatureQuery;
import io.urbis.query.PageCursor;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import io.urbis.source.SourceSettings;
import io.urbis.testdata.Gdal;
import io.urbis.testdata.GeoJsonPositions;
import io.urbis.testdata.SharedData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compares the source with GDAL on the real GeoPackages of the shared data folder: feature counts against
 * {@code ogrinfo}, and CRS84 coordinates of sample features against {@code ogr2ogr -t_srs EPSG:4326}.
 */
class GeoPackageGdalComparisonTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SourceSettings TEN_DECIMALS = new SourceSettings(10, 1_000_000);

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "cql2-ats/data/ne110m4cql2.gpkg, 1e-7",
    "halle_osm_streets/halle_streets_osm.gpkg, 1e-7",
    "nrw_wesel_lod2/wesel_buildings_footprints.gpkg, 1e-7",
    "goerlitz_lod2/goerlitz_lod2_surfaces.gpkg, 1e-7",
    // DHDN: moved with PROJ's BETA2007 grid, as GDAL does
    "de_admin_vg5000/de_admin_vg5000.gpkg, 1e-7",
  })
  void agreesWithGdalOnCountsAndCoordinates(String relativePath, double tolerance) throws Exception {
    Optional<Path> file = SharedData.file(relativePath);
    assumeTrue(file.isPresent(), "shared test data " + relativePath + " not found beside the repository");
    assumeTrue(Gdal.has("ogrinfo") && Gdal.has("ogr2ogr"), "GDAL command line tools not on PATH");
    try (GeoPackageFeatureSource source = new GeoPackageFeatureSource(file.get(), TEN_DECIMALS)) {
      assertEquals(Gdal.featureCounts(file.get()), countsOf(source));
      for (Collection collection : source.discover()) {
        for (long fid : sampleIds(source, collection)) {
          checkCoordinates(file.get(), collection, fid, tolerance);
        }
      }
    }
  }

  private static Map<String, Long> countsOf(GeoPackageFeatureSource source) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Collection collection : source.discover()) {
      try (FeatureStream stream = source.query(collection, new FeatureQuery(null, null, 1, null))) {
        counts.put(collection.id(), stream.numberMatched().orElseThrow());
      }
    }
    return counts;
  }

  /** The first feature and one from the middle of the table. */
  private static long[] sampleIds(GeoPackageFeatureSource source, Collection collection) throws Exception {
    long count;
    long first;
    try (FeatureStream stream = source.query(collection, new FeatureQuery(null, null, 1, null))) {
      first = (Long) stream.next().id();
      count = stream.numberMatched().orElseThrow();
    }
    try (FeatureStream stream = source.query(
        collection, new FeatureQuery(null, null, 1, PageCursor.offset(count / 2)))) {
      return new long[] {first, (Long) stream.next().id()};
    }
  }

  private static void checkCoordinates(Path file, Collection collection, long fid, double tolerance)
      throws Exception {
    EncodedFeature ours = collection.source().get(collection, Long.toString(fid), Crs.CRS84).orElseThrow();
    JsonNode gdal = JSON.readTree(Gdal.featureInLonLat(file, collection.table(), fid)).path("features").path(0);
    JsonNode expected = gdal.path("geometry").path("coordinates");
    JsonNode actual = JSON.readTree(ours.geometryJson()).path("coordinates");
    String where = collection.id() + " feature " + fid;
    assertEquals(gdal.path("geometry").path("type").asText(), JSON.readTree(ours.geometryJson()).path("type").asText());
    GeoJsonPositions.check(expected, actual, tolerance, where);
  }
}
