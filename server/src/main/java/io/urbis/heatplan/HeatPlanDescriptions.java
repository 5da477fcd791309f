package io.urbis.heatplan;

import io.urbis.config.HeatPlanConfig;
import java.util.Locale;

/** The descriptions of a heat plan's layer collections: what they are, by which thresholds and rules. */
final class HeatPlanDescriptions {

  private HeatPlanDescriptions() {}

  static String of(HeatPlan plan, HeatPlanLayer layer, HeatPlanSummary summary) {
    HeatPlanConfig config = plan.config();
    HeatPlanConfig.Protection protection = config.protection();
    StringBuilder text = new StringBuilder(layer.summary()).append(". Computed by Urbis from '")
        .append(plan.buildings().id()).append('\'');
    if (plan.streets() != null) {
      text.append(", streets '").append(plan.streets().id()).append('\'');
    }
    if (plan.blocks() != null) {
      text.append(", blocks '").append(plan.blocks().id()).append('\'');
    } else {
      text.append(", blocks derived from the streets");
    }
    if (plan.boundary() != null) {
      text.append(" within '").append(plan.boundary().id()).append('\'');
    }
    text.append(String.format(Locale.ROOT, "; recomputed when they change. Heat demand from the data where given,"
        + " else estimated (demand_estimated) from footprint area, storeys and the specific demand of the typology"
        + " shipped with Urbis (Typology.shipped(), source named in the README). Candidates for heat networks:"
        + " sections from %s kWh/(m·a), blocks from %s MWh/(ha·a). Data protection (WPG § 10): aggregates of fewer"
        + " than %d addresses are merged with a neighbour or withheld (property protection), data on heating"
        + " systems needs %d addresses.", number(config.candidates().heatLineDensity()),
        number(config.candidates().heatDensity()), protection.minimumAddresses(),
        protection.minimumAddressesHeating()));
    switch (layer) {
      case BLOCKS -> text.append(String.format(Locale.ROOT, " When the server started: %d blocks in %d rows, %d"
          + " merged, %d withheld.", summary.blocks(), summary.blockGroups(), summary.mergedBlocks(),
          summary.withheldBlocks()));
      case SECTIONS -> text.append(String.format(Locale.ROOT, " When the server started: %d sections in %d rows, %d"
          + " merged, %d withheld.", summary.sections(), summary.sectionGroups(), summary.mergedSections(),
          summary.withheldSections()));
      case BUILDINGS -> text.append(" Single buildings' heat demand, energy carrier and final energy are personal"
          + " data, seen only by the roles ").append(protection.personalDataRoles()).append('.');
      case AREAS -> text.append(String.format(Locale.ROOT, " When the server started: %d areas.", summary.areas()));
    }
    return text.toString();
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
