package io.urbis.encode.html;

import io.urbis.encode.Link;
import java.util.List;

/**
 * What the common layout needs to know about a page before its body.
 *
 * @param title the page title, also the last breadcrumb's subject
 * @param base the public base URL (see {@link PublicBase})
 * @param crumbs the breadcrumb trail
 * @param data the link to the page's JSON representation, or null
 * @param withMap whether the page shows a map (loads Leaflet)
 */
record PageHead(String title, String base, Breadcrumbs crumbs, Link data, boolean withMap) {

  /** The head of a page whose links carry its {@code self} and {@code alternate} links. */
  static PageHead of(String title, List<Link> links, CrumbTrail trail, boolean withMap) {
    String base = PublicBase.fromSelf(Links.selfHref(links));
    return new PageHead(title, base, trail.from(base), Links.dataAlternate(links).orElse(null), withMap);
  }

  /** How a page finds its breadcrumbs once the base is known. */
  @FunctionalInterface
  interface CrumbTrail {
    Breadcrumbs from(String base);
  }
}
