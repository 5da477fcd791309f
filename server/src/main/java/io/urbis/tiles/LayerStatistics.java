package io.urbis.tiles;

import java.util.List;

/**
 * What the features of a collection are in the CRS of a tile matrix set, as its source counts and measures them:
 * how many have the centre of their bounding box in each tile of one matrix (where its tiles are densest), and the
 * smallest polygon area and shortest line length among them (from which zoom on none is small). Features of no area
 * or length are left out of the two: no tile can draw them at any zoom.
 *
 * @param counts per tile of the matrix, tiles without any left out
 * @param smallestArea the smallest polygon area in CRS units, or NaN without polygons
 * @param shortestLength the shortest line in CRS units, or NaN without lines
 */
public record LayerStatistics(List<TileCount> counts, double smallestArea, double shortestLength) {

  /** What a source that cannot count tells. */
  public static final LayerStatistics UNKNOWN = new LayerStatistics(List.of(), Double.NaN, Double.NaN);

  public LayerStatistics {
    counts = List.copyOf(counts);
  }

  /** Whether no feature is smaller than {@code minimumSize} (a length, and the side of a square). */
  public boolean noneSmallerThan(double minimumSize) {
    return !(smallestArea < minimumSize * minimumSize) && !(shortestLength < minimumSize);
  }
}
