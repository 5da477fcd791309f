package io.urbis.encode.html;

import java.util.ArrayList;
import java.util.List;

/**
 * The trail Home › Collections › {title} › Items › {id} from the public base down to the current page, which is
 * the last crumb and is shown without a link.
 */
final class Breadcrumbs {

  private record Crumb(String label, String href) {}

  private final String path;
  private final List<Crumb> trail;

  private Breadcrumbs(String path, List<Crumb> trail) {
    this.path = path;
    this.trail = trail;
  }

  static Breadcrumbs home(String base) {
    return new Breadcrumbs(base, List.of(new Crumb("Home", base + "/?f=html")));
  }

  /** Home › Collections › {title}. */
  static Breadcrumbs collection(String base, String id, String title) {
    return home(base).then("Collections", "collections").then(Fragments.titleOr(title, id), id);
  }

  /** The trail one level down: the page at {@code segment} below this one, named {@code label}. */
  Breadcrumbs then(String label, String segment) {
    String child = path + "/" + Links.encodeSegment(segment);
    List<Crumb> longer = new ArrayList<>(trail);
    longer.add(new Crumb(label, child + "?f=html"));
    return new Breadcrumbs(child, List.copyOf(longer));
  }

  String html() {
    StringBuilder html = new StringBuilder("<nav aria-label=\"Breadcrumb\"><ol class=\"crumbs\">");
    for (int i = 0; i < trail.size(); i++) {
      Crumb crumb = trail.get(i);
      if (i == trail.size() - 1) {
        html.append("<li aria-current=\"page\">").append(Html.escape(crumb.label())).append("</li>");
      } else {
        html.append("<li>").append(Html.anchor(crumb.href(), crumb.label())).append("</li>");
      }
    }
    return html.append("</ol></nav>").toString();
  }
}
