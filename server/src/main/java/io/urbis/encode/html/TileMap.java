package io.urbis.encode.html;

import io.urbis.encode.CollectionEntry;
import java.util.List;

/**
 * A map of vector tiles, drawn by MapLibre GL JS ({@code tiles-map.js}) with a style of Urbis from Urbis' own
 * assets: no CDN, and no tiles, fonts or sprites from elsewhere. Nothing inline, so that a strict
 * Content-Security-Policy holds ({@code script-src 'self'; style-src 'self'}, and {@code worker-src blob:}, where
 * MapLibre starts its worker). Beside it the layers are listed with their collections' pages: the script colours
 * each layer's swatch as the style draws it, so the list is the map's legend, and without JavaScript it is a list
 * of links.
 */
final class TileMap {

  private TileMap() {}

  /** The map of {@code style}, its stylesheet before it; {@code label} says what it shows. */
  static String element(String base, String style, String label) {
    return "<link rel=\"stylesheet\" href=\"" + Html.escape(base) + "/assets/maplibre/maplibre-gl.css\">\n"
        + "<div id=\"tile-map\" class=\"tile-map\" role=\"region\" aria-label=\"" + Html.escape(label)
        + "\" data-style=\"" + Html.escape(style) + "\"></div>\n"
        + "<noscript><p class=\"note\">The map needs JavaScript; its layers are linked below.</p></noscript>\n";
  }

  /** The scripts that draw the map and colour the legend: after every element they touch. */
  static String scripts(String base) {
    String assets = Html.escape(base) + "/assets/";
    return "<script src=\"" + assets + "maplibre/maplibre-gl.js\"></script>\n"
        + "<script src=\"" + assets + "urbis/tiles-map.js\"></script>\n";
  }

  /** The layers as a legend: each collection's swatch and title, linking its page. */
  static String legend(List<CollectionEntry> layers) {
    StringBuilder html = new StringBuilder("<ul class=\"layers\">\n");
    layers.forEach(layer -> html.append("<li>").append(name(layer)).append("</li>\n"));
    return html.append("</ul>\n").toString();
  }

  /** A layer's swatch, which the script colours from the style, and its collection's title, linking its page. */
  static String name(CollectionEntry layer) {
    return "<span class=\"layer-swatch\" data-layer=\"" + Html.escape(layer.id()) + "\"></span>"
        + Html.anchor(layer.page(), Fragments.titleOr(layer.title(), layer.id()));
  }
}
