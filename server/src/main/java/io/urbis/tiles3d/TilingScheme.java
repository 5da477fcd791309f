package io.urbis.tiles3d;

/**
 * The implicit quadtree over a geographic region: the root's bounds (degrees and ellipsoidal metres), how many
 * levels there are, and what each level's tiles cover. Subdividing the region in longitude and latitude keeps every
 * tile a region, so its bounding volume follows from its number alone.
 *
 * @param west the root's west edge, degrees
 * @param south the root's south edge, degrees
 * @param east the root's east edge, degrees
 * @param north the root's north edge, degrees
 * @param minHeight the lowest height of any content, metres above the ellipsoid
 * @param maxHeight the highest height of any content
 * @param availableLevels the number of levels (the leaves are at {@code availableLevels - 1})
 */
public record TilingScheme(double west, double south, double east, double north, double minHeight,
    double maxHeight, int availableLevels) {

  /** Levels per subtree file: 21 tiles and 64 child subtrees each, a few dozen bytes. */
  public static final int SUBTREE_LEVELS = 3;
  /**
   * Leaves are made no larger than this: a dense city block fills a leaf with a few hundred buildings, a village
   * still with dozens; smaller leaves left most tiles with a handful of buildings, paying a query and a GLB header
   * each (measured on Wesel: 250 m leaves, 4 buildings per tile).
   */
  static final double LEAF_SIZE_METRES = 1000;
  /** The deepest level a scheme ever has, so tile numbers stay far from overflowing. */
  static final int MAX_LEVELS = 20;
  /** A tile whose children are not shown misses up to this fraction of its size; see {@link #geometricError}. */
  static final double ERROR_PER_TILE_SIZE = 1.0 / 8;
  private static final double EARTH_RADIUS = 6_378_137;

  /** The scheme over the given bounds, with as many levels as it takes to reach leaves of at most 1 km. */
  public static TilingScheme covering(double west, double south, double east, double north, double minHeight,
      double maxHeight) {
    double size = Math.max(Math.max(widthMetres(west, east, (south + north) / 2), heightMetres(south, north)), 1);
    int levels = 1 + (int) Math.ceil(Math.max(0, Math.log(size / LEAF_SIZE_METRES) / Math.log(2)));
    return new TilingScheme(west, south, east, north, minHeight, maxHeight, Math.min(levels, MAX_LEVELS));
  }

  /** The size of the root in metres: the longer of its width (at mid latitude) and its height. */
  public double rootSizeMetres() {
    return Math.max(widthMetres(west, east, (south + north) / 2), heightMetres(south, north));
  }

  public double tileSizeMetres(int level) {
    return rootSizeMetres() / (1L << level);
  }

  /**
   * The error, in metres, of showing a tile of this level without its children: an eighth of its size. What the
   * children add are buildings at most a sixteenth of the tile in size, between those the tile samples a sixteenth
   * apart ({@link BuildingLevels}); an eighth makes CesiumJS (refining at 16 pixels of error) show the children once
   * the tile spans about 128 pixels, when its sampled buildings are still 8 pixels apart or less. Halves per level,
   * as implicit tiling requires.
   */
  public double geometricError(int level) {
    return tileSizeMetres(level) * ERROR_PER_TILE_SIZE;
  }

  /** West, south, east, north of a tile, in degrees. */
  public double[] bounds(TileId tile) {
    double width = (east - west) / (1L << tile.level());
    double height = (north - south) / (1L << tile.level());
    return new double[] {west + tile.x() * width, south + tile.y() * height, west + (tile.x() + 1) * width,
        south + (tile.y() + 1) * height};
  }

  /**
   * The 3D Tiles region implicit tiling gives a tile, radians and heights: clients divide the root's to number the
   * tiles. A tile's features may reach beyond it; the subtrees give each tile its own ({@link TileIndex}).
   */
  public double[] region(TileId tile) {
    double[] b = bounds(tile);
    return new double[] {Math.toRadians(b[0]), Math.toRadians(b[1]), Math.toRadians(b[2]), Math.toRadians(b[3]),
        minHeight, maxHeight};
  }

  /** The column of the level's tile containing the longitude; points on the east edge belong to the last tile. */
  public long column(int level, double lon) {
    return index(level, (lon - west) / (east - west));
  }

  public long row(int level, double lat) {
    return index(level, (lat - south) / (north - south));
  }

  public boolean hasLevel(int level) {
    return level >= 0 && level < availableLevels;
  }

  private static long index(int level, double fraction) {
    long tiles = 1L << level;
    return Math.max(0, Math.min(tiles - 1, (long) Math.floor(fraction * tiles)));
  }

  static double widthMetres(double west, double east, double latitude) {
    return Math.toRadians(east - west) * EARTH_RADIUS * Math.cos(Math.toRadians(latitude));
  }

  static double heightMetres(double south, double north) {
    return Math.toRadians(north - south) * EARTH_RADIUS;
  }
}
