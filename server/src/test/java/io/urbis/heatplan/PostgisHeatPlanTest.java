package io.urbis.heatplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.access.AccessPolicy;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.catalog.Collection;
import io.urbis.catalog.Property;
import io.urbis.config.AccessConfig;
import io.urbis.config.HeatPlanConfig;
import io.urbis.security.Caller;
import io.urbis.source.SourceSettings;
import io.urbis.source.postgis.PostgisFeatureSource;
import io.urbis.source.postgis.PostgisTestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heat plan layers PostGIS computes, checked against values computed here from the raw tables, independently of
 * the layers' SQL: every building's type, age class, heat demand (from the column or estimated with the typology) and
 * final energy in Java; block and section sums, densities, shares and predominant classes from those; net areas and
 * section lengths by other SQL. Data protection over the whole output; a change to one building in the layers at the
 * next request, equal to a full computation of the changed data.
 */
class PostgisHeatPlanTest {

  private static final double TOLERANCE = 1e-6;
  private static final String SCHEMA = "urbis_heatplan";

  private static PostgisTestDatabase database;
  private static PostgisFeatureSource source;
  private static HeatPlans heatPlans;
  private static LiveHeatPlan live;

  @BeforeAll
  static void compute() throws Exception {
    database = new PostgisTestDatabase("/io/urbis/heatplan/heatplan-city.sql");
    source = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of());
    Catalog catalog = new CatalogBuilder().add("town", source).build();
    heatPlans = HeatPlans.publish(List.of(TestPlans.town()), catalog, c -> Optional.of("height_m"));
    live = heatPlans.plans().get(0);
  }

  @AfterAll
  static void drop() throws SQLException {
    if (source != null) {
      source.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void layersArePublishedAfterTheirInputs() {
    List<String> ids = heatPlans.catalog().collections().stream().map(Collection::id).toList();
    assertEquals(List.of("boundary", "buildings", "streets", "heatplan-buildings", "heatplan-blocks",
        "heatplan-sections", "heatplan-areas"), ids);
    Collection blocks = heatPlans.catalog().find("heatplan-blocks").orElseThrow();
    assertTrue(blocks.description().contains("175 MWh/(ha·a)"), blocks.description());
    assertTrue(blocks.property("share_heat_pump").isPresent());
    assertTrue(heatPlans.catalog().find("heatplan-buildings").orElseThrow().property("height_m").isPresent());
  }

  @Test
  void configurationErrorsNameTheKey() {
    Catalog catalog = heatPlans.catalog();
    HeatPlanConfig town = TestPlans.town();
    assertEquals("heatPlans[0].buildings: there is no collection 'houses'; collections: [boundary, buildings,"
        + " streets, heatplan-buildings, heatplan-blocks, heatplan-sections, heatplan-areas]",
        resolveError(new HeatPlanConfig(null, "houses", null, null, null, "streets", null, null, null, null, null,
            null).completed(0), catalog));
    assertEquals("heatPlans[0].streets: 'boundary' holds polygon geometries; it must hold lines",
        resolveError(new HeatPlanConfig(null, "buildings", null, null, null, "boundary", null, null, null, null, null,
            null).completed(0), catalog));
    assertEquals("heatPlans[0].columns.heatDemand: 'demand' is not a property of buildings; it has [street,"
        + " house_number, function, year_built, storeys, height_m, heat_demand_kwh_a, energy_carrier]",
        resolveError(new HeatPlanConfig(null, "buildings", new HeatPlanConfig.Columns(List.of(), null, null, null,
            "demand", null, null), null, null, "streets", null, null, null, null, null, null).completed(0), catalog));
    assertEquals("heatPlans[0].energyCarriers.Erdgas: 'natural_gas' is none of the typology's energy carriers "
        + live.plan().typology().carriers(), resolveError(new HeatPlanConfig(null, "buildings", town.columns(),
            null, Map.of("Erdgas", "natural_gas"), "streets", null, null, null, null, null, null).completed(0),
            catalog));
  }

  private static String resolveError(HeatPlanConfig config, Catalog catalog) {
    return org.junit.jupiter.api.Assertions.assertThrows(io.urbis.config.ConfigException.class,
        () -> HeatPlans.resolve(config, "heatPlans[0]", catalog, c -> Optional.empty())).getMessage();
  }

  @Test
  void everyBuildingIsInAtMostOneBlockAndExactlyOneSection() throws SQLException {
    Map<Long, Map<String, Object>> layer = rows("SELECT id, block_id, section_id FROM " + table("buildings"));
    assertEquals(93, layer.size());
    layer.values().forEach(row -> assertTrue(row.get("section_id") != null, row.toString()));
    // independently: the blocks whose gross polygon holds the building's interior point, the nearest sections
    Map<Long, Map<String, Object>> expected = rows("SELECT b.id, (SELECT count(*) FROM " + table("block_units")
        + " u WHERE ST_Intersects(u.gross, ST_PointOnSurface(b.geom))) AS holding, (SELECT min(u.id) FROM "
        + table("block_units") + " u WHERE ST_Intersects(u.gross, ST_PointOnSurface(b.geom))) AS block_id,"
        + " (SELECT min(ST_Distance(s.geom, ST_PointOnSurface(b.geom))) FROM " + table("section_units") + " s) AS d,"
        + " (SELECT ST_Distance(s.geom, ST_PointOnSurface(b.geom)) FROM " + table("section_units") + " s, "
        + table("building_units") + " a WHERE a.id = b.id AND s.id = a.section_id) AS assigned"
        + " FROM buildings b");
    expected.forEach((id, row) -> {
      assertTrue(((Number) row.get("holding")).longValue() <= 1, "building " + id + " in several blocks");
      assertEquals(row.get("block_id"), layer.get(id).get("block_id"), "block of building " + id);
      assertEquals(((Number) row.get("d")).doubleValue(), ((Number) row.get("assigned")).doubleValue(), TOLERANCE,
          "section of building " + id + " is not the nearest");
    });
  }

  @Test
  void buildingValuesMatchTheTypology() throws SQLException {
    Map<Long, ExpectedBuilding> expected = ExpectedBuilding.read(database, live.plan());
    Map<Long, Map<String, Object>> layer = rows("SELECT id, building_type, age_class, demand_estimated,"
        + " heat_demand_kwh_a, energy_carrier, final_energy_kwh_a FROM " + table("buildings"));
    assertEquals(expected.keySet(), layer.keySet());
    long estimated = 0;
    for (ExpectedBuilding building : expected.values()) {
      Map<String, Object> row = layer.get(building.id());
      assertEquals(building.type(), row.get("building_type"), "type of " + building.id());
      assertEquals(building.ageClass(), row.get("age_class"), "age class of " + building.id());
      assertEquals(building.estimated(), row.get("demand_estimated"));
      assertEquals(building.demand(), (Double) row.get("heat_demand_kwh_a"), TOLERANCE * building.demand());
      assertEquals(building.carrier(), row.get("energy_carrier"));
      assertEquals(building.finalEnergy(), (Double) row.get("final_energy_kwh_a"), TOLERANCE * building.demand());
      estimated += building.estimated() ? 1 : 0;
    }
    assertTrue(estimated > 10 && estimated < 93, "some buildings estimated, not all: " + estimated);
  }

  @Test
  void blocksMatchSumsOfTheirBuildings() throws SQLException {
    Map<Long, ExpectedBuilding> buildings = ExpectedBuilding.read(database, live.plan());
    Map<Long, Long> blockOf = longs("SELECT id, block_id FROM " + table("buildings") + " WHERE block_id IS NOT NULL");
    Map<Long, Double> netArea = doubles("SELECT u.id, ST_Area(ST_Difference(u.gross, (SELECT ST_Union(ST_Buffer("
        + "ST_Intersection(s.geom, (SELECT geom FROM boundary)), 5)) FROM streets s))) FROM " + table("block_units")
        + " u");
    Map<Long, Map<String, Object>> blocks = rows("SELECT * FROM " + table("blocks"));
    List<String> carriers = live.plan().typology().carriers();
    int published = 0;
    for (Map<String, Object> block : blocks.values()) {
      List<Long> units = ids((String) block.get("unit_ids"));
      List<ExpectedBuilding> inside = buildings.values().stream()
          .filter(b -> units.contains(blockOf.get(b.id()))).toList();
      if ("withheld".equals(block.get("protection"))) {
        for (String column : List.of("area_ha", "buildings", "addresses", "heat_demand_mwh_a", "heat_density_mwh_ha_a",
            "final_energy_mwh_a", "share_gas", "predominant_building_type", "candidate")) {
          assertNull(block.get(column), column + " of withheld block " + block.get("id"));
        }
        continue;
      }
      published++;
      double area = units.stream().mapToDouble(netArea::get).sum() / 10_000;
      double demand = inside.stream().mapToDouble(ExpectedBuilding::demand).sum() / 1000;
      double finalEnergy = inside.stream().mapToDouble(ExpectedBuilding::finalEnergy).sum() / 1000;
      assertEquals(area, (Double) block.get("area_ha"), 1e-4, "net area of " + block.get("id"));
      assertEquals((long) inside.size(), ((Number) block.get("buildings")).longValue());
      assertEquals(inside.stream().filter(ExpectedBuilding::estimated).count(),
          ((Number) block.get("estimated_buildings")).longValue());
      assertEquals(ExpectedBuilding.addresses(inside), ((Number) block.get("addresses")).longValue());
      assertEquals(demand, (Double) block.get("heat_demand_mwh_a"), 1e-6);
      assertEquals(demand / area, (Double) block.get("heat_density_mwh_ha_a"), 1e-3);
      assertEquals(finalEnergy, (Double) block.get("final_energy_mwh_a"), 1e-6);
      for (String carrier : carriers) {
        double byCarrier = inside.stream().filter(b -> b.carrier().equals(carrier))
            .mapToDouble(ExpectedBuilding::finalEnergy).sum() / 1000;
        assertEquals(byCarrier, (Double) block.get("final_energy_" + carrier + "_mwh_a"), 1e-6);
        if (finalEnergy > 0) {
          assertEquals(byCarrier / finalEnergy, (Double) block.get("share_" + carrier), 1e-9);
        }
      }
      if (!inside.isEmpty()) {
        assertEquals(ExpectedBuilding.mode(inside, ExpectedBuilding::type), block.get("predominant_building_type"));
        assertEquals(ExpectedBuilding.mode(inside, ExpectedBuilding::ageClass), block.get("predominant_age_class"));
      }
    }
    assertTrue(published > 3, "blocks published: " + published);
  }

  @Test
  void blockDemandSumsToTheBuildingsInBlocks() throws SQLException {
    Map<Long, ExpectedBuilding> buildings = ExpectedBuilding.read(database, live.plan());
    Map<Long, Long> blockOf = longs("SELECT id, block_id FROM " + table("buildings") + " WHERE block_id IS NOT NULL");
    double inBlocks = blockOf.keySet().stream().mapToDouble(id -> buildings.get(id).demand()).sum() / 1000;
    // what is withheld is not published: it is added from the buildings of the withheld blocks
    double withheld = 0;
    for (Map<String, Object> block : rows("SELECT id, unit_ids FROM " + table("blocks")
        + " WHERE protection = 'withheld'").values()) {
      List<Long> units = ids((String) block.get("unit_ids"));
      withheld += blockOf.entrySet().stream().filter(e -> units.contains(e.getValue()))
          .mapToDouble(e -> buildings.get(e.getKey()).demand()).sum() / 1000;
    }
    double published = doubles("SELECT 1, coalesce(sum(heat_demand_mwh_a), 0) FROM " + table("blocks")).get(1L);
    assertEquals(inBlocks, published + withheld, 1e-6);
    assertTrue(inBlocks > 0);
  }

  @Test
  void sectionsMatchTheirBuildings() throws SQLException {
    Map<Long, ExpectedBuilding> buildings = ExpectedBuilding.read(database, live.plan());
    Map<Long, Long> sectionOf = longs("SELECT id, section_id FROM " + table("buildings"));
    Map<Long, Double> lengths = doubles("SELECT id, ST_Length(geom) FROM " + table("section_units"));
    // the streets clipped to the boundary, measured directly: the sections are all of them, without overlaps
    double streetLength = doubles("SELECT 1, sum(ST_Length(ST_Intersection(s.geom, b.geom))) FROM streets s,"
        + " boundary b").get(1L);
    assertEquals(streetLength, lengths.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
    double threshold = live.plan().config().candidates().heatLineDensity();
    for (Map<String, Object> section : rows("SELECT * FROM " + table("sections")).values()) {
      List<Long> units = ids((String) section.get("unit_ids"));
      if ("withheld".equals(section.get("protection"))) {
        assertNull(section.get("heat_line_density_kwh_m_a"));
        assertNull(section.get("buildings"));
        continue;
      }
      double length = units.stream().mapToDouble(lengths::get).sum();
      assertEquals(length, (Double) section.get("length_m"), 1e-6);
      List<ExpectedBuilding> assigned = buildings.values().stream()
          .filter(b -> units.contains(sectionOf.get(b.id()))).toList();
      double demand = assigned.stream().mapToDouble(ExpectedBuilding::demand).sum();
      assertEquals((long) assigned.size(), ((Number) section.get("buildings")).longValue());
      assertEquals(demand / 1000, (Double) section.get("heat_demand_mwh_a"), 1e-6);
      assertEquals(demand / length, (Double) section.get("heat_line_density_kwh_m_a"), 1e-6);
      assertEquals(demand / length >= threshold, section.get("candidate"));
    }
  }

  @Test
  void noPublishedAggregateCoversOneToFourAddresses() throws SQLException {
    for (String layer : List.of("blocks", "sections", "areas")) {
      for (Map<String, Object> row : rows("SELECT * FROM " + table(layer)).values()) {
        Object addresses = row.get("addresses");
        if (addresses == null) {
          assertEquals("withheld", row.get("protection"), layer + " " + row);
          continue;
        }
        long count = ((Number) addresses).longValue();
        assertTrue(count == 0 || count >= 5, layer + " " + row.get("id") + " covers " + count + " addresses");
        if (count > 0 && count < 3) {
          assertNull(row.get("final_energy_mwh_a"), layer + " " + row.get("id"));
        }
      }
    }
    long merged = doubles("SELECT 1, count(*) FROM " + table("blocks") + " WHERE protection = 'merged'").get(1L)
        .longValue();
    assertTrue(merged > 0, "the town has blocks of too few addresses, which are merged");
  }

  @Test
  void candidateAreasAreConnectedCandidateBlocks() throws SQLException {
    Map<Long, Map<String, Object>> areas = rows("SELECT * FROM " + table("areas"));
    Map<Long, Map<String, Object>> blocks = rows("SELECT * FROM " + table("blocks"));
    Map<Long, Boolean> candidateUnit = new HashMap<>();
    blocks.values().forEach(block -> ids((String) block.get("unit_ids"))
        .forEach(unit -> candidateUnit.put(unit, Boolean.TRUE.equals(block.get("candidate")))));
    long candidates = candidateUnit.values().stream().filter(c -> c).count();
    long inAreas = 0;
    for (Map<String, Object> area : areas.values()) {
      List<Long> units = ids((String) area.get("block_ids"));
      units.forEach(unit -> assertTrue(candidateUnit.get(unit), "block " + unit + " is not a candidate"));
      inAreas += units.size();
      double density = ((Number) area.get("heat_demand_mwh_a")).doubleValue()
          / ((Number) area.get("area_ha")).doubleValue();
      assertEquals(density, ((Number) area.get("heat_density_mwh_ha_a")).doubleValue(), 1e-6);
    }
    assertEquals(candidates, inAreas, "every candidate block is in exactly one area");
  }

  @Test
  void personalPropertiesAreHiddenFromEveryRoleButThePersonalDataRoles() {
    AccessConfig rules = HeatPlanAccess.withPersonalDataRules(AccessConfig.OPEN, List.of(live.plan()));
    AccessPolicy policy = AccessPolicy.of(rules, heatPlans.catalog());
    Collection anonymous = policy.viewOf(Caller.ANONYMOUS).catalog().find("heatplan-buildings").orElseThrow();
    Set<String> shown = Set.copyOf(anonymous.properties().stream().map(Property::name).toList());
    for (String personal : live.plan().personalProperties()) {
      assertFalse(shown.contains(personal), personal + " shown to the public");
    }
    assertTrue(shown.contains("block_heat_density_mwh_ha_a"));
    Collection planner = policy.viewOf(new Caller("planner", Set.of("planner"))).catalog().find("heatplan-buildings")
        .orElseThrow();
    assertTrue(planner.property("heat_demand_kwh_a").isPresent(), "the personal data role sees single buildings");
  }

  @Test
  void aChangeToOneBuildingShowsAtTheNextRequestAsAFullComputationWouldHaveIt() throws Exception {
    String before = live.current();
    long block = longs("SELECT id, block_id FROM " + table("buildings") + " WHERE id = 1").get(1L);
    double blockDemand = blockDemandOf(block);
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("UPDATE buildings SET heat_demand_kwh_a = 1000000 WHERE id = 1");
      statement.execute("SELECT pg_stat_force_next_flush()");
    }
    double oldDemand = doubles("SELECT id, heat_demand_kwh_a FROM " + table("buildings") + " WHERE id = 1").get(1L);
    live.plan().buildings().data().changed();
    String after = live.current();
    assertNotEquals(before, after, "the layers' version follows the buildings");
    assertEquals(1, live.summary().recomputedBuildings(), "only the changed building is assigned again");
    assertEquals(1_000_000.0, doubles("SELECT id, heat_demand_kwh_a FROM " + table("buildings") + " WHERE id = 1")
        .get(1L), 0);
    assertEquals(blockDemand + (1_000_000 - oldDemand) / 1000, blockDemandOf(block), 1e-6);
    assertSameAsAFullComputation();
    // a new address: the blocks' and sections' addresses change, so data protection groups them again
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("UPDATE buildings SET house_number = '99' WHERE id = 2");
      statement.execute("SELECT pg_stat_force_next_flush()");
    }
    live.plan().buildings().data().changed();
    String readdressed = live.current();
    assertNotEquals(after, readdressed);
    assertEquals(1, live.summary().recomputedBuildings());
    assertSameAsAFullComputation();
    // a little more demand in a candidate block: the same candidates, so the areas keep their shapes
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("UPDATE buildings SET heat_demand_kwh_a = heat_demand_kwh_a + 1 WHERE id = 1");
      statement.execute("SELECT pg_stat_force_next_flush()");
    }
    live.plan().buildings().data().changed();
    assertNotEquals(readdressed, live.current());
    assertSameAsAFullComputation();
  }

  private static void assertSameAsAFullComputation() throws SQLException {
    Map<String, String> partial = snapshot();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("UPDATE " + table("state") + " SET inputs = ''");
    }
    live.plan().buildings().source().heatPlans().orElseThrow().compute(live.plan(), live.plan().inputs());
    Map<String, String> full = snapshot();
    partial.forEach((layer, rows) -> assertSameValues(full.get(layer), rows, layer + " recomputed only where the"
        + " data changed is what a full computation gives"));
  }

  /** The published heat demand of the block row that holds block {@code unit}. */
  private static double blockDemandOf(long unit) throws SQLException {
    return doubles("SELECT 1, heat_demand_mwh_a FROM " + table("blocks") + " WHERE " + unit
        + " = ANY (string_to_array(unit_ids, ',')::bigint[])").get(1L);
  }

  /**
   * Rows as text the same, but for numbers summed in another order (the last digit of a double): compared within
   * 1e-12 relative.
   */
  private static void assertSameValues(String expected, String actual, String message) {
    String[] expectedValues = expected.split("[,()\n]", -1);
    String[] actualValues = actual.split("[,()\n]", -1);
    assertEquals(expectedValues.length, actualValues.length, message);
    for (int i = 0; i < expectedValues.length; i++) {
      String a = expectedValues[i];
      String b = actualValues[i];
      if (a.matches("-?\\d+\\.\\d+(e-?\\d+)?") && b.matches("-?\\d+\\.\\d+(e-?\\d+)?")) {
        double x = Double.parseDouble(a);
        double y = Double.parseDouble(b);
        assertTrue(Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y)), message + ": " + a + " vs " + b);
      } else {
        assertEquals(a, b, message);
      }
    }
  }

  /** Every layer's rows as text, to compare two computations. */
  private static Map<String, String> snapshot() throws SQLException {
    Map<String, String> layers = new HashMap<>();
    for (String layer : List.of("buildings", "blocks", "sections", "areas")) {
      List<String> lines = new ArrayList<>();
      try (Connection connection = database.connect(); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT l::text FROM " + table(layer) + " l ORDER BY id")) {
        while (rows.next()) {
          lines.add(rows.getString(1));
        }
      }
      layers.put(layer, String.join("\n", lines));
    }
    return layers;
  }

  static String table(String name) {
    return SCHEMA + ".heatplan_" + name;
  }

  private static List<Long> ids(String list) {
    return java.util.Arrays.stream(list.split(",")).map(Long::parseLong).toList();
  }

  private static Map<Long, Map<String, Object>> rows(String sql) throws SQLException {
    Map<Long, Map<String, Object>> rows = new HashMap<>();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
          row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
        }
        rows.put(result.getLong(1), row);
      }
    }
    return rows;
  }

  private static Map<Long, Long> longs(String sql) throws SQLException {
    Map<Long, Long> values = new HashMap<>();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        values.put(result.getLong(1), result.getLong(2));
      }
    }
    return values;
  }

  private static Map<Long, Double> doubles(String sql) throws SQLException {
    Map<Long, Double> values = new HashMap<>();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        values.put(result.getLong(1), result.getObject(2) == null ? null : result.getDouble(2));
      }
    }
    return values;
  }
}
