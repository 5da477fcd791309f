package io.urbis.encode.html;

import io.urbis.encode.Link;
import java.util.List;
import java.util.Optional;

/**
 * The 3D view of a collection with 3D Tiles: a CesiumJS viewer from the server's own assets, found by the
 * tileset link the collection carries (OGC API - 3D GeoVolumes).
 */
final class Viewer3d {

  private Viewer3d() {}

  /** The viewer's HTML, or the empty string when the collection has no tileset. */
  static String html(List<Link> links) {
    Optional<Link> tileset = links.stream().filter(l -> Link.GEOVOLUMES_REL.equals(l.rel())).findFirst();
    if (tileset.isEmpty()) {
      return "";
    }
    String base = Html.escape(PublicBase.fromSelf(Links.selfHref(links)));
    return "<h2>3D view</h2>\n"
        + "<link rel=\"stylesheet\" href=\"" + base + "/assets/cesium/Widgets/widgets.css\">\n"
        + "<div id=\"viewer3d\" class=\"viewer3d\" style=\"height:480px\" data-tileset=\""
        + Html.escape(tileset.get().href()) + "\" data-cesium=\"" + base + "/assets/cesium/\"></div>\n"
        + "<p><a id=\"viewer3d-feature\"></a></p>\n"
        + "<script src=\"" + base + "/assets/urbis/viewer3d.js\"></script>\n"
        + "<script src=\"" + base + "/assets/cesium/Cesium.js\"></script>\n";
  }
}
