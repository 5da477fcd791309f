package io.urbis.encode.tiles;

import io.urbis.encode.CollectionEntry;
import io.urbis.encode.Link;
import java.util.List;

/**
 * The HTML map of a tile set: MapLibre GL JS, served by Urbis itself, drawing the tiles with the set's style, and
 * the collections it draws.
 *
 * @param title the page title
 * @param base the public base URL of the service, below which the assets are
 * @param styleHref the MapLibre style to draw
 * @param links self and alternate links of the tile set
 * @param layers the collections of the tile set, one layer each, in drawing order
 */
public record TileMapPage(String title, String base, String styleHref, List<Link> links,
    List<CollectionEntry> layers) {

  public TileMapPage {
    layers = List.copyOf(layers);
  }
}
