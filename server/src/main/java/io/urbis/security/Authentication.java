package io.urbis.security;

import io.urbis.error.UrbisException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the caller of every request once, before anything else: an {@code X-API-Key}, an {@code Authorization:
 * Bearer} token, or neither (anonymous, role {@code public}). Credentials that do not hold are a 401, never the
 * public's view; a request with both kinds is a 400, as it is unclear whose view it asks for. Other
 * {@code Authorization} schemes (a proxy's Basic login) are no credentials of Urbis and leave the caller anonymous.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class Authentication implements ContainerRequestFilter {

  public static final String API_KEY_HEADER = "X-API-Key";
  private static final Logger LOG = LoggerFactory.getLogger(Authentication.class);
  private static final String BEARER = "bearer";

  private final ApiKeys apiKeys;
  private final BearerTokens bearerTokens;

  /**
   * @param apiKeys the configured keys
   * @param bearerTokens how tokens are checked; null when no provider is configured, so that every token is refused
   */
  public Authentication(ApiKeys apiKeys, BearerTokens bearerTokens) {
    this.apiKeys = apiKeys;
    this.bearerTokens = bearerTokens;
  }

  /** The 401 for a request without credentials to a resource that needs some, offering every kind configured. */
  public AuthenticationFailedException credentialsRequired(String message) {
    String apiKey = "ApiKey header=\"" + API_KEY_HEADER + "\"";
    // RFC 6750 3.1: no error code when the request had no token at all
    return AuthenticationFailedException.required(message, bearerTokens == null ? apiKey : apiKey + ", Bearer");
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String key = request.getHeaderString(API_KEY_HEADER);
    String token = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (key != null && token != null) {
      throw new UrbisException(400, "InvalidRequest", "Give either an " + API_KEY_HEADER + " or a bearer token, not"
          + " both");
    }
    Caller caller = Caller.ANONYMOUS;
    if (key != null) {
      caller = apiKeys.caller(key).orElseThrow(AuthenticationFailedException::invalidApiKey);
    } else if (token != null) {
      if (bearerTokens == null) {
        throw AuthenticationFailedException.invalidToken();
      }
      caller = bearerTokens.caller(token);
    }
    if (caller != Caller.ANONYMOUS) {
      LOG.debug("caller {} with roles {}", caller.name(), caller.roles());
    }
    request.setProperty(Caller.PROPERTY, caller);
  }

  /** The token of a Bearer authorization (RFC 6750 2.1; the scheme is case-insensitive); null for other schemes. */
  private static String bearerToken(String authorization) {
    if (authorization == null) {
      return null;
    }
    String header = authorization.strip();
    boolean bearer = header.length() >= BEARER.length()
        && header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)
        && (header.length() == BEARER.length() || header.charAt(BEARER.length()) == ' ');
    return bearer ? header.substring(BEARER.length()).strip() : null;
  }
}
