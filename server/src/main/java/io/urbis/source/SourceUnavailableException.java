package io.urbis.source;

/** The backend cannot be reached or did not answer in time; the request may succeed later. */
public class SourceUnavailableException extends RuntimeException {

  public SourceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
