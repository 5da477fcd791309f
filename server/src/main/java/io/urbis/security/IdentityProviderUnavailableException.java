package io.urbis.security;

import io.urbis.error.UrbisException;
import java.util.Map;

/**
 * A 503: a bearer token came, but the identity provider's discovery document or keys cannot be had, so the token
 * can be neither accepted nor refused. The caller retries; it is never served as {@code public}.
 */
public final class IdentityProviderUnavailableException extends UrbisException {

  static final int RETRY_AFTER_SECONDS = 10;

  IdentityProviderUnavailableException() {
    super(503, "ServiceUnavailable", "The identity provider cannot be reached to check the token; try again shortly");
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
  }
}
