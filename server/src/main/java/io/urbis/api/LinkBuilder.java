package io.urbis.api;

import io.urbis.encode.Link;
import io.urbis.encode.Representation;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds links from the request as the client addressed it; {@link ForwardedHeadersFilter} has already put the
 * public base URL behind a reverse proxy in place, so every link here is public. Query strings are edited as text:
 * every page carries several links, and a URI builder per link showed in profiles.
 */
final class LinkBuilder {

  private final UriInfo uri;

  LinkBuilder(UriInfo uri) {
    this.uri = uri;
  }

  /** {@code self} in the current representation and {@code alternate} for each other one. */
  List<Link> selfAndAlternates(Representation current, List<Representation> offered) {
    List<Link> links = new ArrayList<>();
    links.add(new Link(withFormat(current), "self", current.mediaType().toString(), "This document"));
    for (Representation other : offered) {
      if (other != current) {
        links.add(new Link(withFormat(other), "alternate", other.mediaType().toString(),
            "This document as " + other.title()));
      }
    }
    return links;
  }

  /**
   * The request URL with {@code f} set to the representation, one more parameter replaced and the {@code dropped}
   * ones left out.
   */
  String withFormatAnd(Representation representation, String parameter, String value, String... dropped) {
    Set<String> replaced = formatAnd(dropped);
    replaced.add(parameter);
    return withParameters(replaced, "f=" + representation.formatName() + "&" + parameter + "=" + encode(value));
  }

  /** The request URL with {@code f} set to the representation and the {@code dropped} parameters left out. */
  String withFormatWithout(Representation representation, String... dropped) {
    return withParameters(formatAnd(dropped), "f=" + representation.formatName());
  }

  private static Set<String> formatAnd(String... dropped) {
    Set<String> replaced = new HashSet<>(List.of(dropped));
    replaced.add("f");
    return replaced;
  }

  String withFormat(Representation representation) {
    return withParameters(Set.of("f"), "f=" + representation.formatName());
  }

  /** An absolute URL below the service root, e.g. {@code path("collections", id, "items")}. */
  String path(String... segments) {
    StringBuilder path = new StringBuilder(baseUrl());
    for (String segment : segments) {
      path.append('/').append(encode(segment).replace("+", "%20"));
    }
    return path.toString();
  }

  Link link(String rel, Representation representation, String title, String... segments) {
    String href = path(segments) + "?f=" + representation.formatName();
    return new Link(href, rel, representation.mediaType().toString(), title);
  }

  String baseUrl() {
    String base = uri.getBaseUri().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** The request URL without the named parameters, followed by {@code added} (already encoded). */
  private String withParameters(Set<String> replaced, String added) {
    URI request = uri.getRequestUri();
    StringBuilder query = new StringBuilder();
    String raw = request.getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int equals = pair.indexOf('=');
        String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
        if (!pair.isEmpty() && !replaced.contains(name)) {
          query.append(pair).append('&');
        }
      }
    }
    query.append(added);
    String target = request.toString();
    int question = target.indexOf('?');
    return (question < 0 ? target : target.substring(0, question)) + "?" + query;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
