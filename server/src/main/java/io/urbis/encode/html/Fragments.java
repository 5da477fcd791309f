package io.urbis.encode.html;

import io.urbis.encode.Extent;
import io.urbis.encode.Link;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** HTML pieces several pages share: format links, extents, property tables, the map container. */
final class Fragments {

  private Fragments() {}

  /** The title, or the fallback (an id) when the title is missing or blank. */
  static String titleOr(String title, String fallback) {
    return title == null || title.isBlank() ? fallback : title;
  }

  /** Small links named by format: "HTML" first, then "GeoJSON", ... in the given order. */
  static String formats(List<Link> links) {
    StringBuilder html = new StringBuilder();
    List<Link> htmlFirst = new ArrayList<>(links);
    htmlFirst.sort(Comparator.comparing(link -> !Links.isHtml(link)));
    for (Link link : htmlFirst) {
      html.append("<a class=\"format\" href=\"").append(Html.escape(link.href())).append("\">")
          .append(Html.escape(Links.formatName(link.type()))).append("</a>");
    }
    return html.toString();
  }

  /** The extent as a definition list; empty when unknown. */
  static String extent(Extent extent) {
    if (extent == null) {
      return "";
    }
    StringBuilder html = new StringBuilder("<dl class=\"extent\">");
    if (extent.spatial() != null && extent.spatial().bbox() != null) {
      html.append("<dt>Spatial extent</dt><dd>").append(Html.escape(bbox(extent))).append("</dd>");
    }
    if (extent.temporal() != null && extent.temporal().interval() != null) {
      for (String[] interval : extent.temporal().interval()) {
        html.append("<dt>Temporal extent</dt><dd>").append(Html.escape(end(interval, 0))).append(" – ")
            .append(Html.escape(end(interval, 1))).append("</dd>");
      }
    }
    return html.append("</dl>\n").toString();
  }

  /** The first bounding box as "minLon, minLat – maxLon, maxLat (CRS84)", or the empty string. */
  static String bbox(Extent extent) {
    if (extent == null || extent.spatial() == null || extent.spatial().bbox() == null
        || extent.spatial().bbox().isEmpty()) {
      return "";
    }
    double[] box = extent.spatial().bbox().get(0);
    return number(box[0]) + ", " + number(box[1]) + " – " + number(box[2]) + ", " + number(box[3]) + " (CRS84)";
  }

  /** A two-column table of property names and values. */
  static String propertyTable(Map<String, String> properties) {
    StringBuilder html = new StringBuilder("<table class=\"properties\">\n<tr><th>Property</th><th>Value</th></tr>\n");
    properties.forEach((name, value) -> html.append("<tr><th scope=\"row\">").append(Html.escape(name))
        .append("</th><td>").append(Html.escape(value)).append("</td></tr>\n"));
    return html.append("</table>\n").toString();
  }

  /** The element the map script draws into. */
  static String map() {
    return "<div id=\"map\" class=\"map\" role=\"img\" aria-label=\"Map\"></div>\n";
  }

  /** A data block for the map script. */
  static String mapData(String id, String json) {
    return "<script type=\"application/json\" id=\"" + Html.escape(id) + "\">" + Html.scriptJson(json) + "</script>\n";
  }

  /**
   * Linked data for search engines: a JSON-LD data block, which browsers never run, so a Content-Security-Policy
   * without inline scripts holds.
   */
  static String jsonLd(String json) {
    return "<script type=\"application/ld+json\">" + Html.scriptJson(json) + "</script>\n";
  }

  private static String end(String[] interval, int index) {
    return interval.length > index && interval[index] != null ? interval[index] : "..";
  }

  private static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
