package io.urbis.tiles;

import org.locationtech.jts.geom.Geometry;

/**
 * The rules one tile layer is reduced by, in the CRS of its tile matrix set; the same in every source, so that a
 * GeoPackage and a PostGIS table of the same features give the same tiles. Features are grouped into square cells of
 * a grid on the tile matrix (so that neighbouring tiles agree) by the centre of their bounding box.
 *
 * <ul>
 *   <li>Level 0: a line shorter than {@code minimumSize} or a polygon smaller than its square is small and left out;
 *       with {@code mergeSmallPolygons}, the small polygons of each cell become one block instead.
 *   <li>Level n ≥ 1 thins dense areas evenly: of each cell (of 2<sup>n</sup> minimum sizes) only its first feature
 *       is kept (not small; polygons before lines before points, the larger first, then by {@link TileHash}, never by
 *       id order); its other polygons become the cell's block (or are left out), its other lines and points are left
 *       out. The simplification tolerance grows with the level, up to one pixel.
 * </ul>
 *
 * A block is a square of the area of the polygons it merges, centred on their area-weighted centre, with the
 * properties of the largest of them and no id.
 *
 * @param level 0 or more; see above
 * @param minimumSize the side of the smallest square, and the shortest line, that is not small, in CRS units
 * @param cellSize the side of a cell in CRS units
 * @param originX the left edge of the tile matrix, where cells start
 * @param originY the top edge of the tile matrix
 * @param tolerance how far geometries are simplified (Douglas-Peucker), in CRS units
 * @param mergeSmallPolygons whether polygons left out are merged into blocks
 * @param lastLevel the coarsest level, whose cells first hold a whole tile
 */
public record TileReduction(int level, double minimumSize, double cellSize, double originX, double originY,
    double tolerance, boolean mergeSmallPolygons, int lastLevel) {

  /** How many levels coarser than this one there are. */
  public int coarserLevels() {
    return lastLevel - level;
  }

  /** Whether each cell keeps one feature only. */
  public boolean thins() {
    return level > 0;
  }

  /** The area below which a polygon is small. */
  public double smallArea() {
    return minimumSize * minimumSize;
  }

  /** What the rules measure a feature by: the area of a polygon, the length of a line, 0 for a point. */
  public static double sizeOf(Geometry geometry) {
    return switch (geometry.getDimension()) {
      case 2 -> geometry.getArea();
      case 1 -> geometry.getLength();
      default -> 0;
    };
  }

  /** Whether a feature of this dimension (0 points, 1 lines, 2 polygons) and size (length or area) is small. */
  public boolean isSmall(int dimension, double size) {
    return dimension == 2 ? size < smallArea() : dimension == 1 && size < minimumSize;
  }

  /** The column of the cell holding {@code x}. */
  public long cellColumn(double x) {
    return (long) Math.floor((x - originX) / cellSize);
  }

  /** The row of the cell holding {@code y}, counted downwards as tile rows are. */
  public long cellRow(double y) {
    return (long) Math.floor((originY - y) / cellSize);
  }
}
