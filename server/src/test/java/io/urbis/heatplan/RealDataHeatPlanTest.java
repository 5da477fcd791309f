package io.urbis.heatplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.urbis.catalog.CatalogBuilder;
import io.urbis.config.HeatPlanConfig;
import io.urbis.source.SourceSettings;
import io.urbis.source.postgis.PostgisFeatureSource;
import io.urbis.source.postgis.PostgisTestDatabase;
import io.urbis.testdata.Gdal;
import io.urbis.testdata.SharedData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Real data through the whole PostGIS computation, with counts and totals reported (printed, and in the test report):
 * the Wesel LoD2 footprints (no year of construction, no heat demand: every demand estimated) in the municipalities
 * of VG5000 as blocks, and the OpenStreetMap streets of Halle (Saale) with blocks derived within its boundary
 * (VG5000 Gemeinde, AGS 15002000). Skips without the shared data.
 */
class RealDataHeatPlanTest {

  @Test
  void weselFootprintsWithEstimatedDemand() throws Exception {
    Optional<Path> footprints = SharedData.file("nrw_wesel_lod2/wesel_buildings_footprints.gpkg");
    Optional<Path> municipalities = SharedData.file("de_admin_vg5000/de_admin_vg5000.gpkg");
    assumeTrue(footprints.isPresent() && municipalities.isPresent() && Gdal.has("ogr2ogr"), "needs the shared data");
    try (PostgisTestDatabase database = new PostgisTestDatabase()) {
      prepare(database, footprints.get(), municipalities.get());
      run(database, "CREATE TABLE blocks AS SELECT row_number() OVER (ORDER BY g.ags)::bigint AS id, g.ags, g.gen,"
          + " ST_Multi(ST_Transform(g.geom, 25832))::geometry(MultiPolygon, 25832) AS geom FROM gemeinden g"
          + " WHERE ST_Transform(g.geom, 25832) && (SELECT ST_Extent(geom) FROM buildings)",
          "ALTER TABLE blocks ADD PRIMARY KEY (id)");
      HeatPlanConfig plan = new HeatPlanConfig(null, "buildings",
          new HeatPlanConfig.Columns(List.of("street", "house_number"), "function", null, "storeys_above_ground",
              null, null, null), null, null, null, "blocks", null, null, null, null, null).completed(0);
      HeatPlanSummary summary = compute(database, plan);
      report("Wesel", summary);
      assertEquals(6631, summary.buildings());
      assertEquals(summary.buildings(), summary.estimatedBuildings(), "no heat demand column: every one estimated");
      assertTrue(summary.heatDemandMwhA() > 0);
      assertEquals(summary.buildingsInBlocks(), count(database, "SELECT count(*) FROM urbis_heatplan.heatplan_buildings"
          + " WHERE block_id IS NOT NULL"));
    }
  }

  @Test
  void halleStreetsWithBlocksDerivedWithinTheBoundary() throws Exception {
    Optional<Path> streets = SharedData.file("halle_osm_streets/halle_streets_osm.gpkg");
    Optional<Path> municipalities = SharedData.file("de_admin_vg5000/de_admin_vg5000.gpkg");
    assumeTrue(streets.isPresent() && municipalities.isPresent() && Gdal.has("ogr2ogr"), "needs the shared data");
    try (PostgisTestDatabase database = new PostgisTestDatabase()) {
      prepare(database, streets.get(), municipalities.get());
      run(database, "CREATE TABLE halle AS SELECT 1 AS id, ST_Multi(ST_Transform(geom, 25833))::geometry(MultiPolygon,"
          + " 25833) AS geom FROM gemeinden WHERE ags = '15002000'",
          "ALTER TABLE halle ADD PRIMARY KEY (id)",
          "CREATE TABLE halle_streets AS SELECT fid AS id, name, ST_Transform(geom, 25833)::geometry(LineString, 25833)"
              + " AS geom FROM streets",
          "ALTER TABLE halle_streets ADD PRIMARY KEY (id)",
          // the data has no buildings of Halle: the computation runs on an empty buildings table
          "CREATE TABLE halle_buildings (id integer PRIMARY KEY, geom geometry(Polygon, 25833) NOT NULL)");
      HeatPlanConfig plan = new HeatPlanConfig(null, "halle_buildings", null, null, null, "halle_streets", null,
          "halle", null, null, null, null).completed(0);
      HeatPlanSummary summary = compute(database, plan);
      report("Halle", summary);
      assertTrue(summary.sections() > 10_000, "sections: " + summary.sections());
      assertTrue(summary.blocks() > 1_000, "blocks: " + summary.blocks());
      // every block lies within Halle, and together they cover most of it
      double coverage = count(database, "SELECT round(100 * (SELECT sum(ST_Area(gross)) FROM"
          + " urbis_heatplan.heatplan_block_units) / (SELECT ST_Area(geom) FROM halle))");
      assertTrue(coverage > 80 && coverage <= 100, "blocks cover " + coverage + " % of Halle");
    }
  }

  private static void prepare(PostgisTestDatabase database, Path data, Path municipalities) throws Exception {
    run(database, "CREATE EXTENSION postgis");
    database.loadWithGdal(data);
    database.loadWithGdal(municipalities);
  }

  private static HeatPlanSummary compute(PostgisTestDatabase database, HeatPlanConfig config) {
    try (PostgisFeatureSource source = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of())) {
      HeatPlans heatPlans = HeatPlans.publish(List.of(config), new CatalogBuilder().add("real", source).build(),
          c -> Optional.empty());
      return heatPlans.plans().get(0).summary();
    }
  }

  private static void report(String data, HeatPlanSummary summary) {
    System.out.println("heat plan of " + data + ": " + summary);
  }

  private static void run(PostgisTestDatabase database, String... statements) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static double count(PostgisTestDatabase database, String sql) throws Exception {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getDouble(1);
    }
  }
}
