package io.urbis;

/** A configured source cannot be opened: unreachable database, wrong password, missing or broken file. */
final class SourceOpeningException extends RuntimeException {

  SourceOpeningException(String message, Throwable cause) {
    super(message, cause);
  }
}
