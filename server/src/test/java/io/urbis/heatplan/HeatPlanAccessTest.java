package io.urbis.heatplan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.urbis.config.AccessConfig;
import io.urbis.config.HeatPlanConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeatPlanAccessTest {

  private static final HeatPlan PLAN = new HeatPlan(TestPlans.town(), null, null, null, null, null,
      Typology.shipped(), Map.of(), Map.of());

  @Test
  void everyDefaultRoleReadsTheBuildingsWithoutPersonalValuesAndPersonalDataRolesWithThem() {
    AccessConfig config = new AccessConfig(Map.of("*", AccessConfig.Rule.of("read"), "editor",
        AccessConfig.Rule.of("write")), null);
    Map<String, AccessConfig.Rule> rules = HeatPlanAccess.withPersonalDataRules(config, List.of(PLAN))
        .collectionRules().get("heatplan-buildings");
    List<String> personal = List.of("heat_demand_kwh_a", "energy_carrier", "final_energy_kwh_a");
    assertEquals(new AccessConfig.Rule("read", personal, null), rules.get("*"));
    assertEquals(new AccessConfig.Rule("read", personal, null), rules.get("editor"), "layers are never written");
    assertEquals(new AccessConfig.Rule("read", null, null), rules.get("planner"));
    Map<String, AccessConfig.Rule> blocks = HeatPlanAccess.withPersonalDataRules(config, List.of(PLAN))
        .collectionRules().get("heatplan-blocks");
    assertEquals(Map.of("*", new AccessConfig.Rule("read", null, null), "editor",
        new AccessConfig.Rule("read", null, null)), blocks, "aggregates are for every reader, and never written");
  }

  @Test
  void aPersonalDataRoleGetsNothingWhereEveryCallerGetsNothing() {
    AccessConfig closed = new AccessConfig(Map.of("*", AccessConfig.Rule.of("none")), null);
    assertEquals(new AccessConfig.Rule("none", null, null), HeatPlanAccess.withPersonalDataRules(closed,
        List.of(PLAN)).collectionRules().get("heatplan-buildings").get("planner"));
  }

  @Test
  void rulesTheConfigurationWritesForTheLayerStay() {
    Map<String, AccessConfig.Rule> written = Map.of("public", AccessConfig.Rule.of("none"));
    AccessConfig config = new AccessConfig(null, Map.of("heatplan-buildings", written));
    assertEquals(written, HeatPlanAccess.withPersonalDataRules(config, List.of(PLAN)).collectionRules()
        .get("heatplan-buildings"));
  }

  @Test
  void theHeatingSystemIsPersonalWhenTheBuildingsHaveOne() {
    HeatPlanConfig town = TestPlans.town();
    HeatPlanConfig withHeating = new HeatPlanConfig(town.id(), town.buildings(), new HeatPlanConfig.Columns(
        town.columns().address(), null, null, null, null, null, "heizung"), null, null, town.streets(), null, null,
        null, null, null, null).completed(0);
    HeatPlan plan = new HeatPlan(withHeating, null, null, null, null, null, Typology.shipped(), Map.of(), Map.of());
    assertEquals(List.of("heat_demand_kwh_a", "energy_carrier", "final_energy_kwh_a", "heating_system"),
        plan.personalProperties());
  }
}
