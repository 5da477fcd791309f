package io.urbis.encode.tiles;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A link of a tile document; URI templates carry {@code templated: true} (OGC 20-057, /req/tileset/description). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TileLink(String href, String rel, String type, String title, Boolean templated) {

  public static TileLink of(String href, String rel, String type, String title) {
    return new TileLink(href, rel, type, title, null);
  }

  public static TileLink template(String href, String rel, String type, String title) {
    return new TileLink(href, rel, type, title, true);
  }
}
