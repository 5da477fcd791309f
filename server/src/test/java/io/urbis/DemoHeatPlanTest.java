package io.urbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.catalog.Collection;
import io.urbis.config.ConfigReader;
import io.urbis.config.HeatPlanConfig;
import io.urbis.config.UrbisConfig;
import io.urbis.demo.DemoCity;
import io.urbis.source.SourceSettings;
import io.urbis.source.geopackage.GeoPackageFeatureSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serving the demo city without a configuration serves its heat plan (issue 14): over its buildings, streets and
 * districts, every column a plan reads named; a configuration's own heat plans, or sources of its own, win.
 */
class DemoHeatPlanTest {

  @TempDir
  static Path folder;
  private static GeoPackageFeatureSource source;
  private static Catalog demo;

  @BeforeAll
  static void openTheDemo() {
    source = new GeoPackageFeatureSource(DemoCity.ensure(folder.resolve("demo.gpkg")), SourceSettings.DEFAULTS);
    demo = new CatalogBuilder().add("demo", source).build();
  }

  @AfterAll
  static void close() {
    source.close();
  }

  @Test
  void theDemoWithoutHeatPlansGetsItsOwnOverEveryColumnAPlanReads() {
    List<HeatPlanConfig> plans = Sources.heatPlans(UrbisConfig.DEFAULTS, demo);
    assertEquals(1, plans.size());
    HeatPlanConfig plan = plans.get(0);
    assertEquals(List.of("heatplan", "buildings", "streets", "districts"),
        Arrays.asList(plan.id(), plan.buildings(), plan.streets(), plan.boundary()));
    HeatPlanConfig.Columns columns = plan.columns();
    assertEquals(List.of("street", "house_number"), columns.address());
    Collection buildings = demo.find("buildings").orElseThrow();
    Stream.of(columns.buildingType(), columns.yearBuilt(), columns.storeys(), columns.heatDemand(),
        columns.energyCarrier(), columns.heatingSystem())
        .forEach(column -> assertTrue(buildings.property(column).isPresent(), column));
    assertEquals("district_heating", plan.energyCarriers().get("Fernwärme"));
    assertEquals("GMH", plan.buildingTypes().get("GMH"));
    assertEquals(HeatPlanConfig.Candidates.DEFAULTS, plan.candidates(), "the thresholds of the literature");
    assertEquals(5, plan.protection().minimumAddresses());
  }

  @Test
  void heatPlansOfTheConfigurationWin() throws Exception {
    UrbisConfig config = read("heatPlans:\n  - id: waerme\n    buildings: buildings\n    streets: streets\n");
    assertEquals(List.of("waerme"), Sources.heatPlans(config, demo).stream().map(HeatPlanConfig::id).toList());
  }

  @Test
  void sourcesOfTheConfigurationGetNoHeatPlanOfTheirOwn() throws Exception {
    assertEquals(List.of(), Sources.heatPlans(read("sources: [city.gpkg]\n"), demo));
  }

  @Test
  void aDemoGeneratedBeforeHeatPlansIsServedWithout() {
    Collection buildings = demo.find("buildings").orElseThrow();
    Collection older = buildings.narrowed(buildings.properties().stream()
        .filter(p -> !p.name().equals("building_type")).toList(), null, "before issue 14");
    Catalog olderDemo = new Catalog(List.of(older, demo.find("streets").orElseThrow()));
    assertEquals(List.of(), Sources.heatPlans(UrbisConfig.DEFAULTS, olderDemo));
  }

  private static UrbisConfig read(String yaml) throws Exception {
    Path file = Files.writeString(Files.createTempFile(folder, "urbis", ".yaml"), yaml);
    return ConfigReader.read(file).orElse(UrbisConfig.DEFAULTS).validated();
  }
}
