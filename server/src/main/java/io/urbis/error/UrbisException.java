package io.urbis.error;

import java.util.Map;

/**
 * An error whose message is safe to show to the client: it carries the HTTP status and the OGC exception code
 * that the one exception mapper writes.
 */
public class UrbisException extends RuntimeException {

  private final int status;
  private final String code;

  public UrbisException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** Response headers the error needs besides its body (a 401's {@code WWW-Authenticate}); none by default. */
  public Map<String, String> headers() {
    return Map.of();
  }
}
