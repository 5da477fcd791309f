package io.urbis.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Ends the connection after an error answer to a request with a body: a write refused before its body was read (401,
 * 403, 404, 428) leaves the rest of the body in the connection, which the server then closes without saying so, and a
 * client reusing the connection loses its next request. {@code Connection: close} tells the client not to reuse it.
 */
public final class RefusedBodies implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() >= 400 && request.hasEntity()) {
      response.getHeaders().putSingle("Connection", "close");
    }
  }
}
