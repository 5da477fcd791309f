package io.urbis.query;

import java.util.List;

/**
 * A bounding box in CRS84. When {@code minLon > maxLon} the box crosses the antimeridian, as OGC 17-069r4
 * (7.15.3) allows. Heights are optional and not used for selection.
 */
public record Bbox(double minLon, double minLat, double maxLon, double maxLat) {

  public boolean crossesAntimeridian() {
    return minLon > maxLon;
  }

  /** The one or two boxes that do not cross the antimeridian and together cover this one. */
  public List<Bbox> splitAtAntimeridian() {
    if (!crossesAntimeridian()) {
      return List.of(this);
    }
    return List.of(new Bbox(minLon, minLat, 180, maxLat), new Bbox(-180, minLat, maxLon, maxLat));
  }
}
