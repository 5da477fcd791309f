package io.urbis.catalog;

/** Data that never changes, for collections made up by tests. */
public record FixedData(DataExtent extent) implements CurrentData {

  public FixedData(SpatialExtent spatial) {
    this(new DataExtent(spatial, null));
  }

  @Override
  public String version() {
    return "fixed";
  }
}
