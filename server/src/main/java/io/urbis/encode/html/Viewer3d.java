package io.urbis.encode.html;

import io.urbis.encode.Link;
import java.util.List;
import java.util.Optional;

/**
 * The 3D view of a collection with 3D Tiles: a CesiumJS viewer from the server's own assets, found by the
 * tileset link the collection carries (OGC API - 3D GeoVolumes), and beside it the theme its buildings are coloured
 * by, the legend and the attributes of the building picked.
 */
final class Viewer3d {

  /** The fragment the 3D view of a collection page is at, for links to it. */
  static final String ANCHOR = "view3d";

  private Viewer3d() {}

  /** The viewer's HTML, or the empty string when the collection has no tileset. */
  static String html(List<Link> links) {
    Optional<Link> tileset = tileset(links);
    if (tileset.isEmpty()) {
      return "";
    }
    String base = Html.escape(PublicBase.fromSelf(Links.selfHref(links)));
    return "<h2 id=\"" + ANCHOR + "\">3D view</h2>\n"
        + "<link rel=\"stylesheet\" href=\"" + base + "/assets/cesium/Widgets/widgets.css\">\n"
        + "<div class=\"view3d\">\n"
        + "<div id=\"viewer3d\" class=\"viewer3d\" data-tileset=\"" + Html.escape(tileset.get().href())
        + "\" data-cesium=\"" + base + "/assets/cesium/\"></div>\n"
        + "<aside class=\"view3d-panel\">\n"
        + "<label for=\"viewer3d-theme\">Colour by</label> <select id=\"viewer3d-theme\"></select>\n"
        + "<div id=\"viewer3d-legend\" class=\"legend\"></div>\n"
        + "<p class=\"note\">Click a building for its attributes.</p>\n"
        + "<p><a id=\"viewer3d-feature\"></a></p>\n"
        + "<table id=\"viewer3d-attributes\" class=\"properties\"></table>\n"
        + "</aside>\n</div>\n"
        + "<script src=\"" + base + "/assets/urbis/viewer3d.js\"></script>\n"
        + "<script src=\"" + base + "/assets/cesium/Cesium.js\"></script>\n";
  }

  /** A small link to the 3D view on the collection page {@code page}. */
  static String link(String page) {
    return "<a class=\"format\" href=\"" + Html.escape(page + "#" + ANCHOR) + "\">3D view</a>";
  }

  /** The collection's 3D Tiles tileset link, when it has one. */
  static Optional<Link> tileset(List<Link> links) {
    return links.stream().filter(l -> Link.GEOVOLUMES_REL.equals(l.rel())).findFirst();
  }
}
