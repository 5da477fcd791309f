package io.urbis.demo;

import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import io.urbis.config.HeatPlanConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The heat plan Urbis computes over the demo city when it serves the demo without a configuration (issue 14): the
 * buildings with every column a plan reads, blocks derived from the streets within the districts, the defaults of
 * thresholds and data protection. The demo's building types are the typology's own; its carriers carry German names.
 */
public final class DemoHeatPlan {

  private static final HeatPlanConfig.Columns COLUMNS = new HeatPlanConfig.Columns(List.of("street", "house_number"),
      "building_type",
      "year_built", "storeys", "heat_demand_kwh_a", "energy_carrier", "heating_system");
  private static final Map<String, String> BUILDING_TYPES =
      Map.of("EFH", "EFH", "RH", "RH", "MFH", "MFH", "GMH", "GMH", "NWG", "NWG");
  /** Liquefied gas is not natural gas: the typology has no factor of its own for it. */
  private static final Map<String, String> ENERGY_CARRIERS = Map.of("Erdgas", "gas", "Heizöl", "oil",
      "Fernwärme", "district_heating", "Strom", "electricity", "Wärmepumpe", "heat_pump", "Holz", "biomass",
      "Flüssiggas", "other");

  private DemoHeatPlan() {}

  /**
   * The demo's heat plan over {@code catalog}, the demo city's; empty when its buildings lack a column the plan reads,
   * as a demo generated before issue 14 does.
   */
  public static Optional<HeatPlanConfig> over(Catalog catalog) {
    Optional<Collection> buildings = catalog.find("buildings");
    boolean complete = buildings.isPresent() && columns().allMatch(c -> buildings.get().property(c).isPresent());
    return complete ? Optional.of(new HeatPlanConfig(null, "buildings", COLUMNS, BUILDING_TYPES, ENERGY_CARRIERS,
        "streets", null, "districts", null, null, null, null)) : Optional.empty();
  }

  private static Stream<String> columns() {
    return Stream.concat(COLUMNS.address().stream(), Stream.of(COLUMNS.buildingType(), COLUMNS.yearBuilt(),
        COLUMNS.storeys(), COLUMNS.heatDemand(), COLUMNS.energyCarrier(), COLUMNS.heatingSystem()));
  }
}
