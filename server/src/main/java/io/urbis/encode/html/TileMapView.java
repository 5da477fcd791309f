package io.urbis.encode.html;

import io.urbis.encode.tiles.TileMapPage;
import java.io.IOException;
import java.io.Writer;

/** The map of a tile set with its legend: every collection of the set, drawn by MapLibre GL JS. */
final class TileMapView implements HtmlView<TileMapPage> {

  @Override
  public PageHead head(TileMapPage page) {
    // the base comes with the page: a tile set's path is no resource path PublicBase knows
    return new PageHead(page.title() + " as vector tiles", page.base(), Breadcrumbs.home(page.base()),
        Links.dataAlternate(page.links()).orElse(null), false);
  }

  @Override
  public void writeBody(Writer out, TileMapPage page) throws IOException {
    String base = head(page).base();
    out.write("<h1>" + Html.escape(page.title()) + "</h1>\n");
    out.write(TileMap.element(base, page.styleHref(), "Map of the vector tiles"));
    out.write(TileMap.legend(page.layers()));
    out.write(TileMap.scripts(base));
  }
}
