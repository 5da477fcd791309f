package io.urbis.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * An {@code Accept} or {@code Content-Type} header that does not parse ({@code *}{@code /*;q=abc}, {@code q=2},
 * {@code a/b/c}, {@code ;;;;}) counts as absent: the client gets the default representation, as without the header.
 * Jersey parses both while it matches the resource, before any exception mapper can answer, and would send a 400
 * with an empty body.
 */
@PreMatching
public final class MalformedHeadersFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    try {
      request.getAcceptableMediaTypes();
    } catch (ProcessingException | IllegalArgumentException e) {
      request.getHeaders().remove(HttpHeaders.ACCEPT);
    }
    try {
      request.getMediaType();
    } catch (ProcessingException | IllegalArgumentException e) {
      request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
    }
  }
}
