package io.urbis.cql2;

/**
 * A filter that cannot be used as sent. The message names the place and the problem and holds nothing but the
 * client's own input, so it can be returned as is in a 400 response. It has no stack trace: it reports a client's
 * mistake, not a fault, and a deep parser stack would make every rejected filter costly to build.
 */
public abstract class Cql2Exception extends RuntimeException {

  protected Cql2Exception(String message) {
    super(message, null, false, false);
  }
}
