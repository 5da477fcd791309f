package io.urbis.api;

import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;

/**
 * Puts the public base URL in place, so that every link the resources build points at the address clients use:
 * the configured public URL when there is one; otherwise, behind a trusted reverse proxy, the base its
 * {@code Forwarded} (RFC 7239: {@code proto}, {@code host}) or {@code X-Forwarded-Proto}, {@code -Host} and
 * {@code -Prefix} headers name. From any other client these headers are ignored: anyone could otherwise rewrite
 * every link of a response, which a shared cache would then hand to everybody.
 */
@PreMatching
public final class ForwardedHeadersFilter implements ContainerRequestFilter {

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");
  private static final Pattern PREFIX = Pattern.compile("(/[A-Za-z0-9._~\\-]+)*/?");

  private final URI publicUrl;
  private final TrustedProxies trustedProxies;

  /** The Jetty request of the current call, for the peer's address, which JAX-RS does not give. */
  @Context private Provider<Request> connection;

  /**
   * @param publicUrl the base URL of every link, whatever the request says, ending in a slash; or null
   * @param trustedProxies the proxies whose forwarding headers are believed when there is no public URL
   */
  public ForwardedHeadersFilter(URI publicUrl, TrustedProxies trustedProxies) {
    this.publicUrl = publicUrl;
    this.trustedProxies = trustedProxies;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (publicUrl != null) {
      rebase(request, publicUrl);
    } else if (trustedProxies.contains(clientAddress())) {
      forwardedBase(request);
    }
  }

  private void forwardedBase(ContainerRequestContext request) {
    Map<String, String> forwarded = ForwardedHeader.firstElement(request.getHeaderString("Forwarded"));
    String proto = forwarded.getOrDefault("proto", first(request.getHeaderString("X-Forwarded-Proto")));
    String host = forwarded.getOrDefault("host", first(request.getHeaderString("X-Forwarded-Host")));
    String prefix = first(request.getHeaderString("X-Forwarded-Prefix"));
    if (proto == null && host == null && prefix == null) {
      return;
    }
    UriBuilder builder = UriBuilder.fromUri(request.getUriInfo().getBaseUri());
    if (proto != null) {
      String scheme = proto.toLowerCase(Locale.ROOT);
      if (scheme.equals("http") || scheme.equals("https")) {
        builder.scheme(scheme);
      }
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
    rebase(request, builder.build());
  }

  private static void rebase(ContainerRequestContext request, URI publicBase) {
    URI relative = request.getUriInfo().getBaseUri().relativize(request.getUriInfo().getRequestUri());
    request.setRequestUri(publicBase, publicBase.resolve(relative));
  }

  /** The address of the peer of the connection: a proxy's own address when there is one. */
  private InetAddress clientAddress() {
    SocketAddress remote = connection.get().getConnectionMetaData().getRemoteSocketAddress();
    return remote instanceof InetSocketAddress socket ? socket.getAddress() : null;
  }

  private static String first(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    return header.split(",")[0].trim();
  }
}
