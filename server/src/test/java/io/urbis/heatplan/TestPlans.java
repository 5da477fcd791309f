package io.urbis.heatplan;

import io.urbis.config.HeatPlanConfig;
import java.util.List;
import java.util.Map;

/** Heat plan configurations of the test data. */
public final class TestPlans {

  private TestPlans() {}

  /** The plan of heatplan-city.sql: blocks derived from the streets within the boundary; planners see buildings. */
  public static HeatPlanConfig town() {
    return new HeatPlanConfig(null, "buildings",
        new HeatPlanConfig.Columns(List.of("street", "house_number"), "function", "year_built", "storeys",
            "heat_demand_kwh_a", "energy_carrier", null),
        Map.of(), Map.of("Erdgas", "gas", "Heizöl", "oil", "Fernwärme", "district_heating"), "streets", null,
        "boundary", null, null, new HeatPlanConfig.Protection(null, null, List.of("planner")), Map.of())
        .completed(0);
  }
}
