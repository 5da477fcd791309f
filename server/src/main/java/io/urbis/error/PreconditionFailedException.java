package io.urbis.error;

/**
 * A conditional request's condition does not hold (412, RFC 9110 15.5.13): the feature changed since the client read
 * it, or it no longer exists.
 */
public class PreconditionFailedException extends UrbisException {

  public PreconditionFailedException(String message) {
    super(412, "PreconditionFailed", message);
  }
}
