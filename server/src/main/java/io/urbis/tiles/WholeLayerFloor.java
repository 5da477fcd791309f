package io.urbis.tiles;

import io.urbis.catalog.GeometryType;

/**
 * The fewest bytes a whole tile layer can take, from what a source counts without drawing it: every feature written
 * costs at least its message header and type (6 bytes), its id when the key is an integer (2), the geometry
 * commands of one point (3), line (6) or ring (9), and 2 bytes for each property it holds. A tile whose floor exceeds
 * its budget is reduced without being drawn whole first. (Features that vanish at the tile's resolution are counted
 * too, so at coarse zooms this is no strict floor.)
 *
 * @param features how many features the tile's window holds
 * @param bytes the fewest bytes they take
 */
public record WholeLayerFloor(long features, long bytes) {

  /** What a source that cannot count tells: nothing, so every tile is drawn whole first. */
  public static final WholeLayerFloor NONE = new WholeLayerFloor(0, 0);

  private static final long FEATURE_HEADER = 6;
  private static final long ID = 2;
  private static final long PROPERTY = 2;

  /**
   * @param type the collection's geometry type (a mixed one counts as points)
   * @param features how many features the tile's window holds
   * @param values how many property values (not null) they hold, of the properties the tile carries
   * @param integerIds whether features are written with ids
   */
  public static WholeLayerFloor of(GeometryType type, long features, long values, boolean integerIds) {
    long commands = switch (type) {
      case POLYGON, MULTIPOLYGON, POLYHEDRALSURFACE, TIN, TRIANGLE -> 9;
      case LINESTRING, MULTILINESTRING -> 6;
      default -> 3;
    };
    return new WholeLayerFloor(features,
        features * (FEATURE_HEADER + commands + (integerIds ? ID : 0)) + values * PROPERTY);
  }

  /** The fewest bytes a feature takes, on average; 0 without features. */
  public double bytesPerFeature() {
    return features == 0 ? 0 : (double) bytes / features;
  }
}
