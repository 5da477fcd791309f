package io.urbis.crs;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Applies a proj4j transform to every coordinate of a JTS geometry in place, keeping Z. Where features are written or
 * selected, a coordinate outside the projection's domain is an {@link OutsideDomainException}; where they are only
 * drawn (tiles), it becomes NaN and is clipped away.
 */
public final class CoordinateTransformFilter implements CoordinateRewrite {

  private final CheckedTransform transform;
  private final boolean outsideDomainIsNaN;
  private final ProjCoordinate source = new ProjCoordinate();
  private final ProjCoordinate target = new ProjCoordinate();

  private CoordinateTransformFilter(CheckedTransform transform, boolean outsideDomainIsNaN) {
    this.transform = transform;
    this.outsideDomainIsNaN = outsideDomainIsNaN;
  }

  /** A coordinate the transform cannot take, or turns into no finite number, throws. */
  public static CoordinateTransformFilter strict(CoordinateTransform transform) {
    return new CoordinateTransformFilter(new CheckedTransform(transform, null), false);
  }

  /** As {@link #strict}, and a coordinate that {@code inverse} does not take back to where it was throws too. */
  public static CoordinateTransformFilter strictReturning(CoordinateTransform transform,
      CoordinateTransform inverse) {
    return new CoordinateTransformFilter(new CheckedTransform(transform, inverse), false);
  }

  /** A coordinate the transform cannot take becomes NaN. */
  public static CoordinateTransformFilter outsideDomainAsNaN(CoordinateTransform transform) {
    return new CoordinateTransformFilter(new CheckedTransform(transform, null), true);
  }

  @Override
  public void filter(CoordinateSequence sequence, int index) {
    source.setValue(sequence.getX(index), sequence.getY(index));
    if (!transform.transform(source, target)) {
      if (!outsideDomainIsNaN) {
        throw new OutsideDomainException(
            "(" + source.x + " " + source.y + ") lies outside the domain of " + transform.targetName());
      }
      target.setValue(Double.NaN, Double.NaN);
    }
    sequence.setOrdinate(index, CoordinateSequence.X, target.x);
    sequence.setOrdinate(index, CoordinateSequence.Y, target.y);
  }
}
