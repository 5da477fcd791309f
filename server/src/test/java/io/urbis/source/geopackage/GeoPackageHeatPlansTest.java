package io.urbis.source.geopackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.Collection;
import io.urbis.config.HeatPlanConfig;
import io.urbis.demo.DemoCity;
import io.urbis.heatplan.HeatPlan;
import io.urbis.heatplan.HeatPlanSummary;
import io.urbis.heatplan.Typology;
import io.urbis.source.SourceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heat plan of the demo city computed with JTS into a derived GeoPackage: blocks derived from the streets within
 * the districts' union, sections, data protection over the whole output, and the file served by the GeoPackage source.
 */
class GeoPackageHeatPlansTest {

  @TempDir
  static Path directory;

  private static GeoPackageFeatureSource demo;
  private static GeoPackageHeatPlans heatPlans;
  private static HeatPlan plan;
  private static HeatPlanSummary summary;
  private static Path layers;

  @BeforeAll
  static void computeTheDemoPlan() {
    Path file = DemoCity.ensure(directory.resolve("demo.gpkg"));
    demo = new GeoPackageFeatureSource(file, SourceSettings.DEFAULTS);
    List<Collection> collections = demo.discover();
    HeatPlanConfig config = new HeatPlanConfig(null, "buildings",
        new HeatPlanConfig.Columns(List.of(), "function", "year_built", "storeys", null, null, null),
        null, null, "streets", null, "districts", null, null, null, null).completed(0);
    plan = new HeatPlan(config, find(collections, "buildings"), find(collections, "streets"), null,
        find(collections, "districts"), "height_m", Typology.shipped(), Typology.shipped().defaultBuildingTypes(),
        Map.of());
    heatPlans = new GeoPackageHeatPlans(new GeoPackageFile(file), SourceSettings.DEFAULTS, directory.resolve("heatplans"));
    summary = heatPlans.compute(plan, plan.inputs());
    layers = heatPlans.layerFile(plan);
  }

  @AfterAll
  static void close() {
    heatPlans.close();
    demo.close();
  }

  private static Collection find(List<Collection> collections, String id) {
    return collections.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void everyBuildingIsEstimatedAssignedToOneSectionAndAtMostOneBlock() throws SQLException {
    assertTrue(summary.buildings() > 100, summary.toString());
    assertEquals(summary.buildings(), summary.estimatedBuildings());
    assertTrue(summary.blocks() > 10 && summary.sections() > 10, summary.toString());
    assertEquals(summary.buildings(), number("SELECT count(*) FROM heatplan_buildings WHERE section_id IS NOT NULL"));
    assertEquals(summary.buildingsInBlocks(),
        number("SELECT count(*) FROM heatplan_buildings WHERE block_id IS NOT NULL"));
    assertEquals(0, number("SELECT count(*) FROM heatplan_buildings b WHERE block_id IS NOT NULL AND (SELECT count(*)"
        + " FROM heatplan_blocks k WHERE " + holds("k", "b.block_id") + ") <> 1"));
  }

  @Test
  void blockSumsAreTheSumsOverTheirBuildings() throws SQLException {
    assertEquals(0, number("SELECT count(*) FROM heatplan_blocks k WHERE protection <> 'withheld' AND abs("
        + " heat_demand_mwh_a - (SELECT coalesce(sum(heat_demand_kwh_a), 0) / 1000.0 FROM heatplan_buildings b"
        + " WHERE " + holds("k", "b.block_id") + ")) > 1e-6 * max(1, heat_demand_mwh_a)"));
    assertEquals(0, number("SELECT count(*) FROM heatplan_blocks k WHERE protection <> 'withheld' AND buildings <>"
        + " (SELECT count(*) FROM heatplan_buildings b WHERE " + holds("k", "b.block_id") + ")"));
    assertEquals(0, number("SELECT count(*) FROM heatplan_sections s WHERE protection <> 'withheld' AND abs("
        + " heat_line_density_kwh_m_a * length_m - (SELECT coalesce(sum(heat_demand_kwh_a), 0) FROM"
        + " heatplan_buildings b WHERE " + holds("s", "b.section_id") + ")) > 1e-6 * max(1, heat_demand_mwh_a * 1000)"));
    double shares = number("SELECT max(abs(share_gas + share_oil + share_district_heating + share_electricity"
        + " + share_heat_pump + share_biomass + share_coal + share_solar + share_other + share_unknown - 1))"
        + " FROM heatplan_blocks WHERE final_energy_mwh_a > 0");
    assertTrue(shares < 1e-9, "shares add up to 1: " + shares);
  }

  @Test
  void noPublishedAggregateCoversFewerThanTheMinimumOfAddresses() throws SQLException {
    for (String layer : List.of("heatplan_blocks", "heatplan_sections")) {
      assertEquals(0, number("SELECT count(*) FROM " + layer + " WHERE addresses BETWEEN 1 AND 4"), layer);
      assertEquals(0, number("SELECT count(*) FROM " + layer + " WHERE protection = 'withheld' AND"
          + " (addresses IS NOT NULL OR heat_demand_mwh_a IS NOT NULL)"), layer);
    }
    assertEquals(0, number("SELECT count(*) FROM heatplan_areas WHERE addresses < 5"));
  }

  @Test
  void theLayerFileIsServedByTheGeoPackageSource() {
    List<Collection> served = heatPlans.layers(plan);
    assertEquals(List.of("heatplan-buildings", "heatplan-blocks", "heatplan-sections", "heatplan-areas"),
        served.stream().map(Collection::id).toList());
    assertTrue(served.get(0).property("height_m").isPresent(), "the buildings layer extrudes in 3D");
    assertTrue(served.get(1).property("share_heat_pump").isPresent());
    assertNotNull(served.get(1).source().extent(served.get(1)).spatial());
  }

  @Test
  void unchangedInputsAreNotComputedAgain() throws Exception {
    long written = Files.getLastModifiedTime(layers).toMillis();
    HeatPlanSummary again = heatPlans.compute(plan, plan.inputs());
    assertEquals(summary, again);
    assertEquals(written, Files.getLastModifiedTime(layers).toMillis());
  }

  /** SQL: whether the row {@code group} of a grouped layer holds the unit {@code unit}. */
  private static String holds(String group, String unit) {
    return "',' || " + group + ".unit_ids || ',' LIKE '%,' || " + unit + " || ',%'";
  }

  private static double number(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + layers);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getDouble(1);
    }
  }
}
