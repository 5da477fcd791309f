package io.urbis.api;

import io.urbis.security.Authentication;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps HTTP caches from handing one audience's response to another, when access rules make responses depend on
 * who asks (registered only then): every response that depends on the caller's view names the credential headers
 * in {@code Vary}, so a shared cache keeps a copy per credential and anonymous copies stay shareable, and a response
 * to a request with credentials, or one refusing them (401, 403), is {@code private}: no shared cache keeps it,
 * whatever {@code max-age} it has. Resources marked {@link SameForEveryCaller} are left alone.
 */
public final class AudienceHeaders implements ContainerResponseFilter {

  /** The request headers that carry credentials, and so choose the view. */
  static final List<String> CREDENTIALS = List.of(HttpHeaders.AUTHORIZATION, Authentication.API_KEY_HEADER);
  private static final String PRIVATE = "private";

  @Context private ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (isSameForEveryCaller()) {
      return;
    }
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle(HttpHeaders.VARY, vary(response.getHeaderString(HttpHeaders.VARY)));
    int status = response.getStatus();
    boolean credentials = CREDENTIALS.stream().anyMatch(name -> request.getHeaderString(name) != null);
    if (credentials || status == 401 || status == 403) {
      headers.putSingle(HttpHeaders.CACHE_CONTROL, privately(response.getHeaderString(HttpHeaders.CACHE_CONTROL)));
    }
  }

  /** A request that matched no resource (unknown path, refused credentials) may still differ by caller. */
  private boolean isSameForEveryCaller() {
    Method method = resource == null ? null : resource.getResourceMethod();
    return method != null && (method.isAnnotationPresent(SameForEveryCaller.class)
        || resource.getResourceClass().isAnnotationPresent(SameForEveryCaller.class));
  }

  /** The response's {@code Vary} with the credential headers added. */
  static String vary(String existing) {
    Set<String> names = new LinkedHashSet<>(directives(existing));
    if (names.contains("*")) {
      return "*";
    }
    for (String credential : CREDENTIALS) {
      if (names.stream().noneMatch(credential::equalsIgnoreCase)) {
        names.add(credential);
      }
    }
    return String.join(", ", names);
  }

  /**
   * The response's {@code Cache-Control} for one audience only: {@code private} added, its lifetimes kept (tiles'
   * {@code max-age}), what only shared caches read ({@code public}, {@code s-maxage}) dropped.
   */
  static String privately(String existing) {
    List<String> kept = new ArrayList<>(List.of(PRIVATE));
    for (String directive : directives(existing)) {
      String name = directive.split("=", 2)[0].strip().toLowerCase(Locale.ROOT);
      if (!name.equals(PRIVATE) && !name.equals("public") && !name.equals("s-maxage")) {
        kept.add(directive);
      }
    }
    return String.join(", ", kept);
  }

  private static List<String> directives(String header) {
    List<String> directives = new ArrayList<>();
    if (header != null) {
      for (String directive : header.split(",")) {
        if (!directive.isBlank()) {
          directives.add(directive.strip());
        }
      }
    }
    return directives;
  }
}
