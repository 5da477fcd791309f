package io.urbis.crs;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Transforms a box between coordinate systems by sampling its edges: a projected box's edges are curves in
 * longitude/latitude (and the reverse), so its corners alone can miss the extremes.
 */
public final class EnvelopeSampler {

  private static final int SAMPLES_PER_EDGE = 16;

  private EnvelopeSampler() {}

  /** The envelope of the transformed samples, or null if the transform fails for any of them. */
  public static Envelope transform(Envelope box, CoordinateTransform transform) {
    return transform(box, new CheckedTransform(transform, null));
  }

  /** As above, and null also if {@code inverse} does not take a sample back to where it was. */
  public static Envelope transform(Envelope box, CoordinateTransform transform, CoordinateTransform inverse) {
    return transform(box, new CheckedTransform(transform, inverse));
  }

  private static Envelope transform(Envelope box, CheckedTransform transform) {
    Envelope result = new Envelope();
    ProjCoordinate source = new ProjCoordinate();
    ProjCoordinate target = new ProjCoordinate();
    for (int i = 0; i <= SAMPLES_PER_EDGE; i++) {
      double fraction = (double) i / SAMPLES_PER_EDGE;
      double x = box.getMinX() + fraction * box.getWidth();
      double y = box.getMinY() + fraction * box.getHeight();
      double[][] samples = {{x, box.getMinY()}, {x, box.getMaxY()}, {box.getMinX(), y}, {box.getMaxX(), y}};
      for (double[] sample : samples) {
        source.setValue(sample[0], sample[1]);
        if (!transform.transform(source, target)) {
          return null;
        }
        result.expandToInclude(target.x, target.y);
      }
    }
    return result;
  }
}
