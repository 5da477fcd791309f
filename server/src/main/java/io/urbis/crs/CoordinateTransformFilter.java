package io.urbis.crs;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Applies a proj4j transform to every coordinate of a JTS geometry in place, keeping Z. Where features are written,
 * a coordinate outside the projection's domain is an error; where they are only drawn (tiles), it may become NaN and
 * be clipped away.
 */
public final class CoordinateTransformFilter implements CoordinateSequenceFilter {

  private final CoordinateTransform transform;
  private final boolean outsideDomainIsNaN;
  private final ProjCoordinate source = new ProjCoordinate();
  private final ProjCoordinate target = new ProjCoordinate();

  private CoordinateTransformFilter(CoordinateTransform transform, boolean outsideDomainIsNaN) {
    this.transform = transform;
    this.outsideDomainIsNaN = outsideDomainIsNaN;
  }

  /** A coordinate the transform cannot take throws. */
  public static CoordinateTransformFilter strict(CoordinateTransform transform) {
    return new CoordinateTransformFilter(transform, false);
  }

  /** A coordinate the transform cannot take becomes NaN. */
  public static CoordinateTransformFilter outsideDomainAsNaN(CoordinateTransform transform) {
    return new CoordinateTransformFilter(transform, true);
  }

  @Override
  public void filter(CoordinateSequence sequence, int index) {
    source.setValue(sequence.getX(index), sequence.getY(index));
    try {
      transform.transform(source, target);
    } catch (RuntimeException outsideDomain) {
      if (!outsideDomainIsNaN) {
        throw outsideDomain;
      }
      target.setValue(Double.NaN, Double.NaN);
    }
    sequence.setOrdinate(index, CoordinateSequence.X, target.x);
    sequence.setOrdinate(index, CoordinateSequence.Y, target.y);
  }

  @Override
  public boolean isDone() {
    return false;
  }

  @Override
  public boolean isGeometryChanged() {
    return true;
  }
}
