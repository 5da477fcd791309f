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
import java.util.ArrayList;
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
  void estimatedLayersAreTheSameInBothSources() {
    assertSameLayers(new HeatPlanConfig(null, "buildings",
        new HeatPlanConfig.Columns(List.of(), "function", "year_built", "storeys", null, null, null),
        null, null, "streets", null, "districts", null, null, null, null).completed(0));
  }

  @Test
  void layersOfGivenDemandAndCarriersAreTheSameInBothSources() {
    // the demo has no carrier column: its function stands in for one, so that every carrier column has values; the
    // district as the address makes blocks of one address, so that data protection merges and withholds
    Map<Long, JsonNode> blocks = assertSameLayers(new HeatPlanConfig("given", "buildings",
        new HeatPlanConfig.Columns(List.of("district"), "function", "year_built", null, "heat_demand_kwh_a",
            "function", null),
        null, Map.of("residential", "gas", "commercial", "district_heating", "industrial", "oil", "public",
            "heat_pump"), "streets", null, "districts", 4.0, new HeatPlanConfig.Candidates(800.0, 100.0),
        new HeatPlanConfig.Protection(4, 6, List.of()), null).completed(0));
    assertTrue(blocks.values().stream().anyMatch(b -> b.get("protection").asText().equals("merged")));
  }

  /** Compares every layer of the plan in both sources; returns the blocks layer's rows. */
  private static Map<Long, JsonNode> assertSameLayers(HeatPlanConfig config) {
    assumeTrue(postgis.heatPlans().isPresent(), "waits for the PostGIS computation of heat plans (heat-core)");
    List<Collection> fromGeoPackage = computedLayers(geoPackage, config);
    List<Collection> fromPostgis = computedLayers(postgis, config);
    List<String> differences = new ArrayList<>();
    Map<Long, JsonNode> blocks = null;
    for (int i = 0; i < fromGeoPackage.size(); i++) {
      Map<Long, JsonNode> expected = rows(fromGeoPackage.get(i));
      blocks = i == 1 ? expected : blocks;
      Map<Long, JsonNode> actual = rows(fromPostgis.get(i));
      String layer = fromGeoPackage.get(i).id();
      assertTrue(expected.size() > 0, layer + " has rows");
      if (!expected.keySet().equals(actual.keySet())) {
        differences.add(layer + ": " + expected.size() + " rows in the GeoPackage, " + actual.size() + " in PostGIS");
      }
      expected.forEach((id, row) -> {
        if (actual.containsKey(id)) {
          differences.addAll(differences(layer + " " + id, row, actual.get(id)));
        }
      });
    }
    assertEquals(List.of(), differences.subList(0, Math.min(40, differences.size())),
        differences.size() + " differences, the first 40 shown");
    return blocks;
  }

  private static List<Collection> computedLayers(FeatureSource source, HeatPlanConfig config) {
    HeatPlan plan = HeatPlans.resolve(config, "heatPlans[0]", new Catalog(source.discover()),
        collection -> Optional.of("height_m"));
    HeatPlanComputation computation = source.heatPlans().orElseThrow();
    // as HeatPlans does: the places of the layers first, then the computation
    List<Collection> layers = computation.layers(plan);
    computation.compute(plan, plan.inputs());
    return layers;
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

  /** What differs between the row of the GeoPackage and that of PostGIS: properties, texts, numbers. */
  private static List<String> differences(String where, JsonNode expected, JsonNode actual) {
    List<String> differences = new ArrayList<>();
    if (!names(expected).equals(names(actual))) {
      differences.add(where + ": properties " + names(expected) + " vs " + names(actual));
      return differences;
    }
    expected.fields().forEachRemaining(field -> {
      JsonNode value = field.getValue();
      JsonNode other = actual.get(field.getKey());
      boolean same = value.isNumber() && other.isNumber()
          ? Math.abs(value.doubleValue() - other.doubleValue())
              <= RELATIVE * Math.max(Math.abs(value.doubleValue()), Math.abs(other.doubleValue()))
          : value.equals(other);
      if (!same) {
        differences.add(where + "." + field.getKey() + ": " + value + " vs " + other);
      }
    });
    return differences;
  }

  private static List<String> names(JsonNode row) {
    List<String> names = new ArrayList<>();
    Iterator<String> fields = row.fieldNames();
    fields.forEachRemaining(names::add);
    names.sort(null);
    return names;
  }
}
