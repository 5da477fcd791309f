package io.urbis.source;

/** The backend failed on a query it should have answered: a real fault, reported as 500 with a request id. */
public class SourceFailureException extends RuntimeException {

  public SourceFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
