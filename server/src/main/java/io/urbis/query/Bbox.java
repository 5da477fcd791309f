package io.urbis.query;

import io.urbis.crs.Crs;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * A bounding box in {@code crs}, east (or longitude) first whatever the CRS's own axis order: the parameter parser
 * has already put the axes in that order. In a geographic CRS a box whose west edge lies east of its east edge
 * crosses the antimeridian, as OGC 17-069r4 (7.15.3) allows. A box of six numbers also bounds heights: features
 * with heights must reach into that range.
 *
 * @param heights the lowest and highest height, or null for a box of four numbers
 */
public record Bbox(double minX, double minY, double maxX, double maxY, Crs crs, Heights heights) {

  /** The height range of a box of six numbers. */
  public record Heights(double min, double max) {}

  /** A two-dimensional box in CRS84. */
  public Bbox(double minLon, double minLat, double maxLon, double maxLat) {
    this(minLon, minLat, maxLon, maxLat, Crs.CRS84, null);
  }

  /** A two-dimensional box in {@code crs}. */
  public Bbox(double minX, double minY, double maxX, double maxY, Crs crs) {
    this(minX, minY, maxX, maxY, crs, null);
  }

  public boolean crossesAntimeridian() {
    return crs.geographic() && minX > maxX;
  }

  /** The one or two boxes that do not cross the antimeridian and together cover this one. */
  public List<Bbox> splitAtAntimeridian() {
    if (!crossesAntimeridian()) {
      return List.of(this);
    }
    return List.of(new Bbox(minX, minY, 180, maxY, crs, heights), new Bbox(-180, minY, maxX, maxY, crs, heights));
  }

  /**
   * Whether every point of {@code extent} (east first in this box's CRS, heights aside) lies in this box, edges
   * included: then the box leaves out nothing there. A box across the antimeridian holds an extent when one of its
   * two parts does, as an extent never crosses it.
   */
  public boolean holds(Envelope extent) {
    return splitAtAntimeridian().stream().anyMatch(part -> part.minX <= extent.getMinX()
        && extent.getMaxX() <= part.maxX && part.minY <= extent.getMinY() && extent.getMaxY() <= part.maxY);
  }
}
