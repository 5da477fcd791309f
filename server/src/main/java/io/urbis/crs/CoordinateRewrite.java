package io.urbis.crs;

import org.locationtech.jts.geom.CoordinateSequenceFilter;

/** A JTS filter that rewrites every coordinate in place: it visits them all and always changes the geometry. */
public interface CoordinateRewrite extends CoordinateSequenceFilter {

  @Override
  default boolean isDone() {
    return false;
  }

  @Override
  default boolean isGeometryChanged() {
    return true;
  }
}
