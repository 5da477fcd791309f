package io.urbis.encode.html;

import io.urbis.catalog.Collection;
import io.urbis.catalog.Property;
import io.urbis.encode.Link;
import io.urbis.source.EncodedFeature;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A page of features, written in three steps as they stream: the top (frame, title, map, table head), one row per
 * feature, then the bottom (counts, paging, map data, frame). Only the bottom needs the paging links.
 */
final class ItemsView {

  private final Collection collection;
  private final PageHead head;
  private final String itemsHref;

  /** @param links the page's links as known before streaming: {@code self} and {@code alternate} are enough */
  ItemsView(Collection collection, List<Link> links) {
    this.collection = collection;
    String title = "Items · " + Fragments.titleOr(collection.title(), collection.id());
    this.head = PageHead.of(title, links,
        base -> Breadcrumbs.collection(base, collection.id(), collection.title()).then("Items", "items"), true);
    String self = Links.selfHref(links);
    this.itemsHref = self != null ? self
        : head.base() + "/collections/" + Links.encodeSegment(collection.id()) + "/items";
  }

  void writeTop(Writer out) throws IOException {
    Layout.open(out, head);
    out.write("<h1>" + Html.escape(Fragments.titleOr(collection.title(), collection.id())) + "</h1>\n");
    out.write(Fragments.map());
    StringBuilder columns = new StringBuilder("<table class=\"items\">\n<thead><tr><th>id</th>");
    for (Property property : collection.properties()) {
      columns.append("<th>").append(Html.escape(property.name())).append("</th>");
    }
    out.write(columns.append("</tr></thead>\n<tbody>\n").toString());
  }

  /** The HTML page of one feature of this page. */
  String featureHref(Object id) {
    return Links.childPage(itemsHref, id);
  }

  void writeRow(Writer out, EncodedFeature feature) throws IOException {
    Map<String, String> values = PropertyValues.read(feature.propertiesJson());
    StringBuilder row = new StringBuilder("<tr><td>").append(Html.anchor(featureHref(feature.id()), feature.id()))
        .append("</td>");
    for (Property property : collection.properties()) {
      row.append("<td>").append(Html.escape(values.get(property.name()))).append("</td>");
    }
    out.write(row.append("</tr>\n").toString());
  }

  void writeBottom(Writer out, Counts counts, List<Link> links, MapData map) throws IOException {
    out.write("</tbody>\n</table>\n<p class=\"counts\">" + counts.text() + "</p>\n");
    out.write(paging(links));
    out.write(downloads(links));
    out.write(map.html());
    Layout.close(out, head);
  }

  private static String paging(List<Link> links) {
    StringBuilder nav = new StringBuilder("<nav class=\"paging\">");
    Links.preferHtml(links, "prev").ifPresent(prev -> nav.append(button(prev, "‹ Previous")));
    Links.preferHtml(links, "next").ifPresent(next -> nav.append(button(next, "Next ›")));
    return nav.append("</nav>\n").toString();
  }

  /** The whole selection's downloads ({@code enclosure} links), as links that save a file. */
  private static String downloads(List<Link> links) {
    StringBuilder list = new StringBuilder();
    for (Link link : links) {
      if ("enclosure".equals(link.rel())) {
        list.append(list.isEmpty() ? "" : " · ").append("<a rel=\"enclosure\" download href=\"")
            .append(Html.escape(link.href())).append("\">").append(Html.escape(Links.formatName(link.type())))
            .append("</a>");
      }
    }
    return list.isEmpty() ? "" : "<p class=\"downloads\">Download all matching features: " + list + "</p>\n";
  }

  private static String button(Link link, String label) {
    return "<a class=\"button\" rel=\"" + Html.escape(link.rel()) + "\" href=\"" + Html.escape(link.href()) + "\">"
        + label + "</a>";
  }

  /** What the page tells about its size. */
  record Counts(long returned, OptionalLong matched, Instant timeStamp) {

    String text() {
      String matchedText = matched.isPresent() ? " of " + matched.getAsLong() + " matching" : "";
      String time = timeStamp == null ? "" : " · " + Html.escape(timeStamp.toString());
      return returned + (returned == 1 ? " feature" : " features") + matchedText + time;
    }
  }
}
