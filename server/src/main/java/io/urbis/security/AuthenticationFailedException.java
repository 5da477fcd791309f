package io.urbis.security;

import io.urbis.error.UrbisException;
import java.util.Map;

/**
 * A 401: the request carried credentials that do not hold, or none where a resource needs some. The description says
 * which kind, never why in detail, and never the credential itself.
 */
public final class AuthenticationFailedException extends UrbisException {

  private final String challenge;

  private AuthenticationFailedException(String message, String challenge) {
    super(401, "Unauthorized", message);
    this.challenge = challenge;
  }

  /** A bearer token that is malformed, forged, expired, not yet valid, or for another issuer or audience. */
  static AuthenticationFailedException invalidToken() {
    return new AuthenticationFailedException("The bearer token is invalid or expired",
        "Bearer error=\"invalid_token\"");
  }

  /** An {@code X-API-Key} that no configured key has. */
  static AuthenticationFailedException invalidApiKey() {
    return new AuthenticationFailedException("The API key is not valid", "ApiKey header=\""
        + Authentication.API_KEY_HEADER + "\"");
  }

  /** No credentials, where the resource needs some: the challenge offers every kind {@link Authentication} takes. */
  static AuthenticationFailedException required(String message, String challenge) {
    return new AuthenticationFailedException(message, challenge);
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("WWW-Authenticate", challenge);
  }
}
