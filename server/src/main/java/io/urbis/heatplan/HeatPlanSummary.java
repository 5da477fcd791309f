package io.urbis.heatplan;

/**
 * What a computation of a heat plan's layers produced, for the log, the reports of real data runs and the layers'
 * descriptions.
 *
 * @param buildings buildings of the plan
 * @param estimatedBuildings of them, those whose heat demand was estimated
 * @param buildingsInBlocks of them, those inside a block
 * @param heatDemandMwhA the buildings' heat demand in MWh/a
 * @param blocks blocks (units before merging)
 * @param blockGroups published rows of the blocks layer
 * @param mergedBlocks block rows that are several blocks merged for data protection
 * @param withheldBlocks block rows whose values are withheld for data protection
 * @param sections street sections (units before merging)
 * @param sectionGroups published rows of the sections layer
 * @param mergedSections section rows that are several sections merged
 * @param withheldSections section rows whose values are withheld
 * @param areas candidate areas
 * @param recomputedBuildings buildings assigned again in this computation (all of them unless only some changed)
 */
public record HeatPlanSummary(
    long buildings,
    long estimatedBuildings,
    long buildingsInBlocks,
    double heatDemandMwhA,
    long blocks,
    long blockGroups,
    long mergedBlocks,
    long withheldBlocks,
    long sections,
    long sectionGroups,
    long mergedSections,
    long withheldSections,
    long areas,
    long recomputedBuildings) {

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%d buildings (%d estimated, %d in blocks, %.1f MWh/a), %d blocks in"
        + " %d rows (%d merged, %d withheld), %d sections in %d rows (%d merged, %d withheld), %d candidate areas;"
        + " %d buildings assigned", buildings, estimatedBuildings, buildingsInBlocks, heatDemandMwhA, blocks,
        blockGroups, mergedBlocks, withheldBlocks, sections, sectionGroups, mergedSections, withheldSections, areas,
        recomputedBuildings);
  }
}
