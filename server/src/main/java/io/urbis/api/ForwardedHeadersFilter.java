package io.urbis.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Behind a reverse proxy, rewrites the base URI from {@code X-Forwarded-Proto}, {@code -Host} and
 * {@code -Prefix}, so that every link the resources build points at the public address.
 */
@PreMatching
public final class ForwardedHeadersFilter implements ContainerRequestFilter {

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");
  private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~\\-]+)*/?");

  @Override
  public void filter(ContainerRequestContext request) {
    String proto = first(request.getHeaderString("X-Forwarded-Proto"));
    String host = first(request.getHeaderString("X-Forwarded-Host"));
    String prefix = first(request.getHeaderString("X-Forwarded-Prefix"));
    if (proto == null && host == null && prefix == null) {
      return;
    }
    URI base = request.getUriInfo().getBaseUri();
    UriBuilder builder = UriBuilder.fromUri(base);
    if (proto != null && (proto.equals("http") || proto.equals("https"))) {
      builder.scheme(proto);
    }
    if (host != null && HOST.matcher(host).matches()) {
      int colon = host.lastIndexOf(':');
      boolean hasPort = colon > host.lastIndexOf(']');
      builder.host(hasPort ? host.substring(0, colon) : host).port(hasPort ? Integer.parseInt(host.substring(colon + 1))
          : -1);
    }
    if (prefix != null && PREFIX.matcher(prefix).matches()) {
      builder.replacePath(prefix.endsWith("/") ? prefix : prefix + "/");
    }
    URI publicBase = builder.build();
    URI relative = base.relativize(request.getUriInfo().getRequestUri());
    request.setRequestUri(publicBase, publicBase.resolve(relative));
  }

  private static String first(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    return header.split(",")[0].trim();
  }
}
