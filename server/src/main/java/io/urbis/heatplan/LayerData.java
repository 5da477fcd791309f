package io.urbis.heatplan;

import io.urbis.catalog.CurrentData;
import io.urbis.catalog.DataExtent;
import java.util.function.Supplier;

/**
 * The data of a heat plan layer: its version is that of the plan's inputs it was computed from (asking for it brings
 * the layers up to date), its extent is read again once per version.
 */
final class LayerData implements CurrentData {

  private record Known(String version, DataExtent extent) {}

  private final LiveHeatPlan plan;
  private final Supplier<DataExtent> extents;
  private volatile Known known;

  LayerData(LiveHeatPlan plan, Supplier<DataExtent> extents) {
    this.plan = plan;
    this.extents = extents;
  }

  @Override
  public String version() {
    return plan.current();
  }

  @Override
  public DataExtent extent() {
    String version = plan.current();
    Known last = known;
    if (last != null && last.version().equals(version)) {
      return last.extent();
    }
    Known now = new Known(version, extents.get());
    known = now;
    return now.extent();
  }
}
