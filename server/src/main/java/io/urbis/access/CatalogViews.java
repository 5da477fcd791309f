package io.urbis.access;

import io.urbis.security.Caller;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Gives every request the view of the catalog its caller's roles make, once, right after {@code Authentication}
 * named the caller and before any resource runs ({@link CatalogView#of} reads it).
 */
@PreMatching
@Priority(Priorities.AUTHORIZATION)
public final class CatalogViews implements ContainerRequestFilter {

  private final AccessPolicy policy;

  public CatalogViews(AccessPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(CatalogView.PROPERTY, policy.viewOf(Caller.from(request)));
  }
}
