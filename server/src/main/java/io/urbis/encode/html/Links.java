package io.urbis.encode.html;

import io.urbis.encode.Link;
import io.urbis.encode.Representation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Finds the links a page needs among a document's links, and names their formats for people. */
final class Links {

  static final String HTML = "text/html";

  private Links() {}

  /** The first link with the relation, preferring the HTML one. */
  static Optional<Link> preferHtml(List<Link> links, String rel) {
    Optional<Link> html = links.stream().filter(l -> rel.equals(l.rel()) && isHtml(l)).findFirst();
    return html.isPresent() ? html : links.stream().filter(l -> rel.equals(l.rel())).findFirst();
  }

  /** The HTML page a document's links point at ({@code self} or {@code alternate} with type text/html). */
  static Optional<Link> htmlPage(List<Link> links) {
    return links.stream()
        .filter(l -> isHtml(l) && ("self".equals(l.rel()) || "alternate".equals(l.rel())))
        .findFirst();
  }

  /** The first alternate that is not HTML: the JSON representation of an HTML page. */
  static Optional<Link> dataAlternate(List<Link> links) {
    return links.stream().filter(l -> "alternate".equals(l.rel()) && !isHtml(l)).findFirst();
  }

  static String selfHref(List<Link> links) {
    return preferHtml(links, "self").map(Link::href).orElse(null);
  }

  static boolean isHtml(Link link) {
    return link.type() != null && link.type().startsWith(HTML);
  }

  /** "HTML", "GeoJSON", "OpenAPI 3.0 (JSON)", ... for a link's media type; the type itself when unknown. */
  static String formatName(String type) {
    if (type == null) {
      return "link";
    }
    for (Representation representation : Representation.values()) {
      if (representation.mediaType().toString().equalsIgnoreCase(type)) {
        return representation.title();
      }
    }
    return type;
  }

  /** The href without query and fragment, one encoded path segment added, asking for HTML. */
  static String childPage(String href, Object segment) {
    String path = href;
    for (char cut : new char[] {'#', '?'}) {
      int index = path.indexOf(cut);
      path = index < 0 ? path : path.substring(0, index);
    }
    String separator = path.endsWith("/") ? "" : "/";
    return path + separator + encodeSegment(String.valueOf(segment)) + "?f=html";
  }

  static String encodeSegment(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
