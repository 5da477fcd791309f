package io.urbis.crs;

import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A proj4j transform whose results are checked before anyone uses them: proj4j throws outside some projections'
 * domains, yields infinities or NaN outside others, and far outside a projection's area of use its series diverge
 * into finite numbers that lead elsewhere. With the way back given, a result must lead back to where it came from.
 * Not thread-safe: it keeps scratch state, as proj4j's transforms do.
 */
final class CheckedTransform {

  /**
   * How far a coordinate transformed and transformed back may land from where it was: 1e-6° (some 10 cm) or 1 cm.
   * proj4j comes back within 1e-9° or a micrometre where its series hold, and degrees or kilometres away where not.
   */
  private static final double RETURN_TOLERANCE_DEGREES = 1e-6;
  private static final double RETURN_TOLERANCE_METRES = 0.01;

  private final CoordinateTransform transform;
  private final CoordinateTransform inverse;
  private final boolean fromDegrees;
  private final ProjCoordinate back = new ProjCoordinate();

  /** {@code inverse}: the way back, or null to check only that results are finite. */
  CheckedTransform(CoordinateTransform transform, CoordinateTransform inverse) {
    this.transform = transform;
    this.inverse = inverse;
    this.fromDegrees = Boolean.TRUE.equals(transform.getSourceCRS().isGeographic());
  }

  String targetName() {
    return transform.getTargetCRS().getName();
  }

  /** Transforms {@code source} into {@code target}; false when the result is not to be used. */
  boolean transform(ProjCoordinate source, ProjCoordinate target) {
    try {
      transform.transform(source, target);
      if (!Double.isFinite(target.x) || !Double.isFinite(target.y)) {
        return false;
      }
      if (inverse == null) {
        return true;
      }
      inverse.transform(target, back);
    } catch (RuntimeException outsideDomain) {
      return false;
    }
    return fromDegrees ? backInDegrees(source) : backInMetres(source);
  }

  private boolean backInDegrees(ProjCoordinate source) {
    double eastward = Math.abs(Math.IEEEremainder(back.x - source.x, 360)) * Math.cos(Math.toRadians(source.y));
    return Math.abs(back.y - source.y) <= RETURN_TOLERANCE_DEGREES && eastward <= RETURN_TOLERANCE_DEGREES;
  }

  private boolean backInMetres(ProjCoordinate source) {
    return Math.abs(back.x - source.x) <= RETURN_TOLERANCE_METRES
        && Math.abs(back.y - source.y) <= RETURN_TOLERANCE_METRES;
  }
}
