package io.urbis.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatPlanConfigTest {

  @TempDir Path folder;

  @Test
  void aPlanOfBuildingsAndStreetsGetsEveryDefault() throws Exception {
    HeatPlanConfig plan = read("heatPlans:\n  - buildings: houses\n    streets: roads\n"
        + "    columns: {address: street, heatDemand: demand}\n").heatPlanDefinitions().get(0);
    assertEquals("heatplan", plan.id());
    assertEquals(List.of("street"), plan.columns().address(), "one address column may be written without a list");
    assertEquals("demand", plan.columns().heatDemand());
    assertEquals(5.0, plan.streetHalfWidth());
    assertEquals(new HeatPlanConfig.Candidates(1500.0, 175.0), plan.candidates());
    assertEquals(new HeatPlanConfig.Protection(5, 3, List.of()), plan.protection());
    assertEquals(Map.of(), plan.typology());
  }

  @Test
  void givenValuesStayAndMissingOnesAreFilledIn() throws Exception {
    HeatPlanConfig plan = read("heatPlans:\n  - id: waerme\n    buildings: houses\n    blocks: baubloecke\n"
        + "    candidates: {heatDensity: 415}\n    protection: {personalDataRoles: [planner]}\n")
        .heatPlanDefinitions().get(0);
    assertEquals(new HeatPlanConfig.Candidates(1500.0, 415.0), plan.candidates());
    assertEquals(new HeatPlanConfig.Protection(5, 3, List.of("planner")), plan.protection());
  }

  @Test
  void errorsNameTheKey() throws Exception {
    assertEquals("heatPlans[0].buildings is missing: name the collection of building footprints",
        error("heatPlans:\n  - streets: roads\n"));
    assertEquals("heatPlans[0]: name streets (blocks are derived from them) or blocks",
        error("heatPlans:\n  - buildings: houses\n"));
    assertEquals("heatPlans[1].id 'heatplan' is taken by an earlier heat plan; give each its own id",
        error("heatPlans:\n  - {buildings: a, streets: s}\n  - {buildings: b, streets: s}\n"));
    assertEquals("heatPlans[0].id must start with a letter and hold only letters, digits and _ (at most 40), got"
        + " 'heat-plan'", error("heatPlans:\n  - {id: heat-plan, buildings: a, streets: s}\n"));
    assertEquals("heatPlans[0].streetHalfWidth must not be negative, got -1.0",
        error("heatPlans:\n  - {buildings: a, streets: s, streetHalfWidth: -1}\n"));
    assertEquals("heatPlans[0].protection.minimumAddresses must be at least 1",
        error("heatPlans:\n  - {buildings: a, streets: s, protection: {minimumAddresses: 0}}\n"));
  }

  private String error(String yaml) throws Exception {
    UrbisConfig config = read(yaml);
    return assertThrows(ConfigException.class, config::heatPlanDefinitions).getMessage();
  }

  private UrbisConfig read(String yaml) throws Exception {
    return ConfigYaml.read(folder, yaml).orElse(UrbisConfig.DEFAULTS);
  }
}
