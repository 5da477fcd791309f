package io.urbis.api;

import io.urbis.catalog.Collection;
import io.urbis.encode.CollectionEntry;
import io.urbis.encode.Representation;
import io.urbis.tiles.TileMatrixSets;
import java.util.List;

/** The entries of HTML pages that list collections for people: the links to each collection's pages. */
final class CollectionEntries {

  private CollectionEntries() {}

  /** The entry of {@code collection}; {@code has3dView} when it has 3D tiles (see {@code Tiles3dService.offers}). */
  static CollectionEntry of(Collection collection, LinkBuilder links, boolean has3dView) {
    String id = collection.id();
    return new CollectionEntry(id, collection.title(), collection.description(), page(links, "collections", id),
        List.of(links.link("items", Representation.HTML, "Features as HTML", "collections", id, "items"),
            links.link("items", Representation.GEOJSON, "Features as GeoJSON", "collections", id, "items")),
        page(links, "collections", id, "tiles", TileMatrixSets.WEB_MERCATOR_QUAD.id()), has3dView);
  }

  private static String page(LinkBuilder links, String... segments) {
    return links.path(segments) + "?f=" + Representation.HTML.formatName();
  }
}
