package io.urbis.cql2.ast;

import java.util.Locale;

/** The spatial comparison functions of OGC 21-065 clause 7.7 (simple-features relations). */
public enum SpatialOperator implements NamedOperator {
  S_INTERSECTS,
  S_EQUALS,
  S_DISJOINT,
  S_TOUCHES,
  S_WITHIN,
  S_OVERLAPS,
  S_CROSSES,
  S_CONTAINS;

  @Override
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
