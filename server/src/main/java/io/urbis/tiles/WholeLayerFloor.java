package io.urbis.tiles;

import io.urbis.catalog.GeometryType;

/**
 * The fewest bytes a whole tile layer can take, from what a source counts without drawing it: every feature written
 * costs at least its message header and type (6 bytes), its id when the key is an integer (2), the geometry
 * commands of one point (3), line (6) or ring (9), and 2 bytes for each property it holds. A tile whose floor exceeds
 * its budget is reduced without being drawn whole first.
 */
public final class WholeLayerFloor {

  private static final long FEATURE_HEADER = 6;
  private static final long ID = 2;
  private static final long PROPERTY = 2;

  private WholeLayerFloor() {}

  /**
   * @param type the collection's geometry type (a mixed one counts as points)
   * @param features how many features the tile's window holds
   * @param values how many property values (not null) they hold, of the properties the tile carries
   * @param integerIds whether features are written with ids
   */
  public static long bytes(GeometryType type, long features, long values, boolean integerIds) {
    long commands = switch (type) {
      case POLYGON, MULTIPOLYGON, POLYHEDRALSURFACE, TIN, TRIANGLE -> 9;
      case LINESTRING, MULTILINESTRING -> 6;
      default -> 3;
    };
    return features * (FEATURE_HEADER + commands + (integerIds ? ID : 0)) + values * PROPERTY;
  }
}
