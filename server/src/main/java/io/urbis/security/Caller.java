package io.urbis.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Set;

/**
 * Who makes a request: the token's subject or the API key's name, and the roles the access rules are written for.
 * An authenticated caller has exactly the roles its key or token maps to; only anonymous callers are {@code public}.
 *
 * @param name the token subject, the key name, or {@code anonymous}; never a secret
 * @param roles the caller's roles
 */
public record Caller(String name, Set<String> roles) {

  /** Who calls without credentials. */
  public static final Caller ANONYMOUS = new Caller("anonymous", Set.of("public"));

  /** The request property {@link Authentication} puts the caller in. */
  static final String PROPERTY = Caller.class.getName();

  public Caller {
    roles = Set.copyOf(roles);
  }

  /** The caller {@link Authentication} resolved for this request. */
  public static Caller from(ContainerRequestContext request) {
    if (request.getProperty(PROPERTY) instanceof Caller caller) {
      return caller;
    }
    // no silent anonymous: a request that did not pass authentication must not reach any data
    throw new IllegalStateException("the request was not authenticated: Authentication is not registered");
  }
}
