package io.urbis.api;

import io.urbis.encode.Link;
import io.urbis.encode.Representation;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds links from the request as the client addressed it; {@link ForwardedHeadersFilter} has already put the
 * public base URL behind a reverse proxy in place, so every link here is public.
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

  /** The request URL with {@code f} set to the representation and one more parameter replaced. */
  String withFormatAnd(Representation representation, String parameter, String value) {
    return uri.getRequestUriBuilder()
        .replaceQueryParam("f", representation.formatName())
        .replaceQueryParam(parameter, value)
        .build()
        .toString();
  }

  String withFormat(Representation representation) {
    return uri.getRequestUriBuilder().replaceQueryParam("f", representation.formatName()).build().toString();
  }

  /** An absolute URL below the service root, e.g. {@code path("collections", id, "items")}. */
  String path(String... segments) {
    UriBuilder builder = uri.getBaseUriBuilder();
    for (String segment : segments) {
      builder.segment(segment);
    }
    return builder.build().toString();
  }

  Link link(String rel, Representation representation, String title, String... segments) {
    String href = UriBuilder.fromUri(path(segments)).queryParam("f", representation.formatName()).build()
        .toString();
    return new Link(href, rel, representation.mediaType().toString(), title);
  }

  String baseUrl() {
    String base = uri.getBaseUri().toString();
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }
}
