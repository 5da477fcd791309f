package io.urbis.source.geopackage;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The box, in another CRS, that holds every point of a box as a transform moves it, where a box of samples alone may
 * fall short: projection curves the edges, and an edge's extreme can lie between two samples. Along an edge sampled
 * every h, a smooth curve strays beyond its samples by at most h²/8 times its curvature, and the second difference of
 * neighbouring samples is about h² times that curvature; the box of the samples widened by the largest second
 * difference therefore holds the edges with a margin of about eight. The extremes of a box's image lie on its edges,
 * as projections do not fold.
 */
final class HoldingEnvelope {

  private static final int SEGMENTS_PER_EDGE = 64;
  /** The transform's rounding, in units in the last place of the largest coordinate: far more than it errs. */
  private static final int ROUNDING_ULPS = 64;

  private HoldingEnvelope() {}

  /**
   * The box holding {@code box} moved by each of {@code transforms} in turn (none: the box itself), or null when a
   * point of its edges cannot be moved.
   */
  static Envelope of(Envelope box, List<CoordinateTransform> transforms) {
    if (transforms.isEmpty()) {
      return new Envelope(box);
    }
    double[][] corners = {{box.getMinX(), box.getMinY()}, {box.getMaxX(), box.getMinY()},
        {box.getMaxX(), box.getMaxY()}, {box.getMinX(), box.getMaxY()}};
    Envelope held = new Envelope();
    double curveX = 0;
    double curveY = 0;
    for (int edge = 0; edge < corners.length; edge++) {
      double[] from = corners[edge];
      double[] to = corners[(edge + 1) % corners.length];
      ProjCoordinate[] samples = new ProjCoordinate[SEGMENTS_PER_EDGE + 1];
      for (int i = 0; i <= SEGMENTS_PER_EDGE; i++) {
        double along = (double) i / SEGMENTS_PER_EDGE;
        samples[i] = moved(transforms, from[0] + along * (to[0] - from[0]), from[1] + along * (to[1] - from[1]));
        if (samples[i] == null) {
          return null;
        }
        held.expandToInclude(samples[i].x, samples[i].y);
      }
      for (int i = 1; i < SEGMENTS_PER_EDGE; i++) {
        curveX = Math.max(curveX, Math.abs(samples[i - 1].x - 2 * samples[i].x + samples[i + 1].x));
        curveY = Math.max(curveY, Math.abs(samples[i - 1].y - 2 * samples[i].y + samples[i + 1].y));
      }
    }
    double largest = Math.max(Math.max(Math.abs(held.getMinX()), Math.abs(held.getMaxX())),
        Math.max(Math.abs(held.getMinY()), Math.abs(held.getMaxY())));
    double rounding = ROUNDING_ULPS * Math.ulp(largest);
    held.expandBy(curveX + rounding, curveY + rounding);
    return held;
  }

  private static ProjCoordinate moved(List<CoordinateTransform> transforms, double x, double y) {
    ProjCoordinate point = new ProjCoordinate(x, y);
    for (CoordinateTransform transform : transforms) {
      ProjCoordinate target = new ProjCoordinate();
      try {
        transform.transform(point, target);
      } catch (RuntimeException outsideDomain) {
        return null;
      }
      if (!Double.isFinite(target.x) || !Double.isFinite(target.y)) {
        return null;
      }
      point = target;
    }
    return point;
  }
}
