package io.urbis.cql2;

/** The filter is CQL2 but does not fit the collection: an unknown queryable or function, or mismatched types. */
public final class Cql2ValidationException extends Cql2Exception {

  public Cql2ValidationException(String message) {
    super(message);
  }
}
