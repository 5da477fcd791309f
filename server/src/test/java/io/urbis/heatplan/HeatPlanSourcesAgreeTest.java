package io.urbis.heatplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import io.urbis.config.HeatPlanConfig;
import io.urbis.demo.DemoCity;
import io.urbis.query.FeatureQuery;
import io.urbis.query.PageCursor;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureSource;
import io.urbis.source.FeatureStream;
import io.urbis.source.SourceSettings;
import io.urbis.source.geopackage.GeoPackageFeatureSource;
import io.urbis.source.postgis.PostgisFeatureSource;
import io.urbis.source.postgis.PostgisTestDatabase;
import io.urbis.testdata.Gdal;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both sources compute the same heat plan layers from the same data: the demo city as a GeoPackage (layers computed
 * with JTS) and loaded into PostGIS with ogr2ogr (layers computed in SQL), every layer compared row by row: the same
 * ids, the same texts, counts and flags, numbers within 1e-6 relative.
 */
class HeatPlanSourcesAgreeTest {

  private static final double RELATIVE = 1e-6;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path directory;

  private static PostgisTestDatabase database;
  private static GeoPackageFeatureSource geoPackage;
  private static PostgisFeatureSource postgis;

  @BeforeAll
  static void loadTheDemoIntoBothSources() throws SQLException, IOException {
    assumeTrue(Gdal.has("ogr2ogr"), "ogr2ogr loads the GeoPackage into PostGIS");
    Path file = DemoCity.ensure(directory.resolve("demo.gpkg"));
    geoPackage = new GeoPackageFeatureSource(file, SourceSettings.DEFAULTS);
    database = new PostgisTestDatabase("postgis-only.sql");
    database.loadWithGdal(file);
    postgis = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of("public"));
  }

  @AfterAll
  static void close() throws SQLException {
    if (postgis != null) {
      postgis.close();
    }
    if (geoPackage != null) {
      geoPackage.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void everyLayerHasTheSameRowsInBothSources() {
    assumeTrue(postgis.heatPlans().isPresent(), "waits for the PostGIS computation of heat plans (heat-core)");
    HeatPlanConfig config = new HeatPlanConfig(null, "buildings",
        new HeatPlanConfig.Columns(List.of(), "function", "year_built", "storeys", null, null, null),
        null, null, "streets", null, "districts", null, null, null, null).completed(0);
    List<Collection> fromGeoPackage = computedLayers(geoPackage, config);
    List<Collection> fromPostgis = computedLayers(postgis, config);
    for (int i = 0; i < fromGeoPackage.size(); i++) {
      Map<Long, JsonNode> expected = rows(fromGeoPackage.get(i));
      Map<Long, JsonNode> actual = rows(fromPostgis.get(i));
      String layer = fromGeoPackage.get(i).id();
      assertTrue(expected.size() > 0, layer + " has rows");
      assertEquals(expected.keySet(), actual.keySet(), layer + ": ids");
      expected.forEach((id, row) -> assertSameRow(layer + " " + id, row, actual.get(id)));
    }
  }

  private static List<Collection> computedLayers(FeatureSource source, HeatPlanConfig config) {
    HeatPlan plan = HeatPlans.resolve(config, "heatPlans[0]", new Catalog(source.discover()),
        collection -> Optional.of("height_m"));
    HeatPlanComputation computation = source.heatPlans().orElseThrow();
    computation.compute(plan, plan.inputs());
    return computation.layers(plan);
  }

  /** Every feature of a layer, its properties by feature id, paged through as the API would. */
  private static Map<Long, JsonNode> rows(Collection layer) {
    Map<Long, JsonNode> rows = new TreeMap<>();
    PageCursor cursor = null;
    do {
      try (FeatureStream page = layer.source().query(layer, new FeatureQuery(null, null, 10_000, cursor))) {
        for (EncodedFeature feature = page.next(); feature != null; feature = page.next()) {
          rows.put(((Number) feature.id()).longValue(), JSON.readTree(feature.properties()));
        }
        cursor = page.paging().next();
      } catch (IOException e) {
        throw new IllegalStateException("unreadable properties of " + layer.id(), e);
      }
    } while (cursor != null);
    return rows;
  }

  private static void assertSameRow(String where, JsonNode expected, JsonNode actual) {
    assertEquals(names(expected), names(actual), where + ": properties");
    expected.fields().forEachRemaining(field -> {
      JsonNode value = field.getValue();
      JsonNode other = actual.get(field.getKey());
      String at = where + "." + field.getKey();
      if (value.isNumber() && other.isNumber()) {
        double a = value.doubleValue();
        double b = other.doubleValue();
        assertTrue(Math.abs(a - b) <= RELATIVE * Math.max(Math.abs(a), Math.abs(b)), at + ": " + a + " vs " + b);
      } else {
        assertEquals(value, other, at);
      }
    });
  }

  private static List<String> names(JsonNode row) {
    List<String> names = new java.util.ArrayList<>();
    Iterator<String> fields = row.fieldNames();
    fields.forEachRemaining(names::add);
    names.sort(null);
    return names;
  }
}
