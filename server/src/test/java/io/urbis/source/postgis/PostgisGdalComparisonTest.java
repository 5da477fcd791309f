package io.urbis.source.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.catalog.Collection;
import io.urbis.catalog.SpatialExtent;
import io.urbis.query.FeatureQuery;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import io.urbis.source.SourceSettings;
import io.urbis.testdata.Gdal;
import io.urbis.testdata.GeoJsonPositions;
import io.urbis.testdata.SharedData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real GeoPackages of the shared data folder, loaded into PostGIS with ogr2ogr as a municipality would, and
 * served through the PostGIS source: counts, extents and sample coordinates equal what GDAL reads from the file.
 */
class PostgisGdalComparisonTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SourceSettings TEN_DECIMALS = new SourceSettings(10, Long.MAX_VALUE);
  /** PostGIS and GDAL both transform with PROJ: the same pipeline, so the same coordinates. */
  private static final double TOLERANCE = 1e-7;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "cql2-ats/data/ne110m4cql2.gpkg",
    "halle_osm_streets/halle_streets_osm.gpkg",
    "nrw_wesel_lod2/wesel_buildings_footprints.gpkg",
    "goerlitz_lod2/goerlitz_lod2_surfaces.gpkg",
    "de_admin_vg5000/de_admin_vg5000.gpkg"
  })
  void servesWhatGdalReads(String relativePath) throws Exception {
    Optional<Path> file = SharedData.file(relativePath);
    assumeTrue(file.isPresent(), "shared test data " + relativePath + " not found beside the repository");
    assumeTrue(Gdal.has("ogrinfo") && Gdal.has("ogr2ogr"), "GDAL command line tools not on PATH");
    try (PostgisTestDatabase database = new PostgisTestDatabase("postgis-only.sql")) {
      database.loadWithGdal(file.get());
      try (PostgisFeatureSource source = new PostgisFeatureSource(database.url(), TEN_DECIMALS, List.of())) {
        List<Collection> collections = source.discover();
        assertEquals(Gdal.featureCounts(file.get()), countsOf(source, collections));
        for (Collection collection : collections) {
          checkSample(file.get(), source, collection);
        }
      }
    }
  }

  private static Map<String, Long> countsOf(PostgisFeatureSource source, List<Collection> collections) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String layer : collections.stream().map(Collection::id).sorted().toList()) {
      Collection collection = collections.stream().filter(c -> c.id().equals(layer)).findFirst().orElseThrow();
      try (FeatureStream page = source.query(collection, new FeatureQuery(null, null, 1, null))) {
        counts.put(layer, page.numberMatched().orElseThrow());
      }
    }
    return counts;
  }

  /** The first features of a page: coordinates as GDAL transforms them, and inside the published extent. */
  private static void checkSample(Path file, PostgisFeatureSource source, Collection collection) throws Exception {
    try (FeatureStream page = source.query(collection, new FeatureQuery(null, null, 3, null))) {
      for (EncodedFeature feature = page.next(); feature != null; feature = page.next()) {
        long fid = (Long) feature.id();
        JsonNode gdal = JSON.readTree(Gdal.featureInLonLat(file, collection.id(), fid)).path("features").path(0);
        JsonNode ours = JSON.readTree(feature.geometryJson());
        String where = collection.id() + " feature " + fid;
        GeoJsonPositions.check(gdal.path("geometry").path("coordinates"), ours.path("coordinates"), TOLERANCE, where);
        checkInside(collection.spatialExtent(), ours.path("coordinates"), where);
      }
    }
  }

  private static void checkInside(SpatialExtent extent, JsonNode coordinates, String where) {
    if (coordinates.size() > 0 && coordinates.get(0).isNumber()) {
      double lon = coordinates.get(0).asDouble();
      double lat = coordinates.get(1).asDouble();
      assertTrue(lon >= extent.minLon() - 1e-7 && lon <= extent.maxLon() + 1e-7
          && lat >= extent.minLat() - 1e-7 && lat <= extent.maxLat() + 1e-7, where + " outside " + extent);
      return;
    }
    coordinates.forEach(child -> checkInside(extent, child, where));
  }
}
