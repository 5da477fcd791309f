package io.urbis.heatplan;

import io.urbis.catalog.Collection;
import java.util.List;

/**
 * What a source does for a heat plan whose collections are its own: it keeps the plan's layers where it can serve
 * them from, and computes them from the data. Both sources compute the same layers (the rules are in
 * {@link HeatPlan}, {@link Typology} and {@link Disclosure}); {@link LiveHeatPlan} decides when.
 */
public interface HeatPlanComputation {

  /**
   * Prepares the places the layers are read from, without computing them unless they are missing, and returns the
   * layers' collections as the source serves them, one per {@link HeatPlanLayer} in its order, with the ids
   * {@link HeatPlan#layerId} gives.
   */
  List<Collection> layers(HeatPlan plan);

  /**
   * Computes the layers from the data as it is now, unless they were computed from the data at {@code inputs}
   * already (by another server of the same source, or before a restart). When they were last computed from the same
   * streets, blocks and boundary ({@link HeatPlan#withoutBuildings} of both is equal), a source may assign again only
   * the buildings that changed.
   *
   * @param inputs the versions of the plan's input collections the layers will be of, as {@link HeatPlan#inputs}
   *     reads them
   * @return what the layers hold now
   */
  HeatPlanSummary compute(HeatPlan plan, String inputs);
}
