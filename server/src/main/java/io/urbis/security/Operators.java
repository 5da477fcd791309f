package io.urbis.security;

import io.urbis.error.UrbisException;

/**
 * Who may see how the server runs ({@code /metrics}, the detail of {@code /ready}): callers with the configured
 * operator role. Anonymous callers are asked for credentials (a 401 with the challenge, so that a scraper knows to
 * send a key); authenticated callers without the role get a 403. With the role {@code public} everybody may.
 */
public final class Operators {

  public static final String DEFAULT_ROLE = "operator";

  private final String role;
  private final Authentication authentication;

  /**
   * @param role the operator role
   * @param authentication what credentials are taken, for the 401's challenge
   */
  public Operators(String role, Authentication authentication) {
    this.role = role;
    this.authentication = authentication;
  }

  /** Whether the caller is an operator. */
  public boolean include(Caller caller) {
    return caller.roles().contains(role);
  }

  /**
   * Lets operators pass.
   *
   * @throws AuthenticationFailedException for anonymous callers
   * @throws UrbisException a 403 for other callers
   */
  public void require(Caller caller) {
    if (include(caller)) {
      return;
    }
    if (caller == Caller.ANONYMOUS) {
      throw authentication.credentialsRequired("This resource is for operators: send the API key or bearer token"
          + " of a caller with the operator role");
    }
    throw new UrbisException(403, "Forbidden", "This resource is for operators; the caller does not have the"
        + " operator role");
  }
}
