package io.urbis.catalog;

/** Data that never changes, for collections made up by tests. */
public record FixedData(DataExtent extent) implements CurrentData {

  /** The data of a collection without features. */
  public static final FixedData NONE = new FixedData(new DataExtent(null, null));

  public FixedData(SpatialExtent spatial) {
    this(new DataExtent(spatial, null));
  }

  @Override
  public String version() {
    return "fixed";
  }
}
