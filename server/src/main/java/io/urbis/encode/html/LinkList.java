package io.urbis.encode.html;

import io.urbis.encode.Link;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A document's links as a list for people: one line per target, linking its HTML form where there is one, the
 * other formats beside it, and its relations by short name (a target named by both {@code data} and
 * {@code http://www.opengis.net/def/rel/ogc/1.0/data} is listed once).
 */
final class LinkList {

  /** Relations every page already shows in its frame. */
  private static final Set<String> FRAME_RELS = Set.of("self", "alternate");

  private record Target(Set<String> rels, List<Link> formats) {}

  private LinkList() {}

  /** The list without the frame's links and those with the {@code shownElsewhere} relations; empty if none is left. */
  static String html(List<Link> links, Set<String> shownElsewhere) {
    Map<List<String>, Target> targets = new LinkedHashMap<>();
    byRel(links, shownElsewhere).forEach((rel, formats) -> targets
        .computeIfAbsent(formats.stream().map(Link::href).toList(), hrefs -> new Target(new LinkedHashSet<>(), formats))
        .rels().add(shortName(rel)));
    if (targets.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<ul class=\"links\">\n");
    for (Target target : targets.values()) {
      Link main = target.formats().stream().filter(Links::isHtml).findFirst().orElse(target.formats().get(0));
      String rels = String.join(", ", target.rels());
      String others = Fragments.formats(target.formats().stream().filter(l -> l != main).toList());
      html.append("<li>").append(Html.anchor(main.href(), Fragments.titleOr(main.title(), rels)))
          .append(others.isEmpty() ? "" : " " + others)
          .append(" <span class=\"rel\">").append(Html.escape(rels)).append("</span></li>\n");
    }
    return html.append("</ul>\n").toString();
  }

  private static Map<String, List<Link>> byRel(List<Link> links, Set<String> shownElsewhere) {
    Map<String, List<Link>> byRel = new LinkedHashMap<>();
    for (Link link : links) {
      String rel = String.valueOf(link.rel());
      if (!FRAME_RELS.contains(rel) && !shownElsewhere.contains(rel)) {
        byRel.computeIfAbsent(rel, r -> new ArrayList<>()).add(link);
      }
    }
    return byRel;
  }

  /** The last path segment of a relation URI ({@code .../rel/ogc/1.0/data} is {@code data}). */
  private static String shortName(String rel) {
    return rel.substring(rel.lastIndexOf('/') + 1);
  }
}
