package io.urbis.encode.html;

import io.urbis.encode.tiles.TileMapPage;
import java.io.IOException;
import java.io.Writer;

/** The map of a tile set, drawn by MapLibre GL JS from Urbis' own assets (no CDN). */
final class TileMapView implements HtmlView<TileMapPage> {

  @Override
  public PageHead head(TileMapPage page) {
    // the base comes with the page: a tile set's path is no resource path PublicBase knows
    return new PageHead(page.title() + " as vector tiles", page.base(), Breadcrumbs.home(page.base()),
        Links.dataAlternate(page.links()).orElse(null), false);
  }

  @Override
  public void writeBody(Writer out, TileMapPage page) throws IOException {
    String base = Html.escape(head(page).base());
    out.write("<link rel=\"stylesheet\" href=\"" + base + "/assets/maplibre/maplibre-gl.css\">\n");
    out.write("<h1>" + Html.escape(page.title()) + "</h1>\n");
    out.write("<div id=\"tile-map\" class=\"tile-map\" data-style=\"" + Html.escape(page.styleHref()) + "\"></div>\n");
    out.write("<script src=\"" + base + "/assets/maplibre/maplibre-gl.js\"></script>\n");
    out.write("<script src=\"" + base + "/assets/urbis/tiles-map.js\"></script>\n");
  }
}
