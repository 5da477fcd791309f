package io.urbis.api;

import io.urbis.catalog.Collection;
import io.urbis.catalog.SpatialExtent;
import java.util.List;

/**
 * What a tile set is made of: one collection, or the dataset (every collection, or those the {@code collections}
 * parameter selects), each a layer of the tiles.
 *
 * @param id a key for caches: the collection id, or the selected ids
 * @param title the tile set's title
 * @param layers the collections, one layer each, in drawing order
 * @param path the path segments of the tile set list, e.g. {@code collections, buildings, tiles}
 * @param selection the {@code collections} parameter to carry in links, or null
 * @param visibility what shaped the layers out of the whole data, for ETags: the collection's visibility, or for the
 *     dataset the view's (which also tells which collections it leaves out); empty for the whole data
 */
public record TiledData(String id, String title, List<Collection> layers, List<String> path,
    String selection, String visibility) {

  public TiledData {
    layers = List.copyOf(layers);
    path = List.copyOf(path);
  }

  /** The tile set of one collection, at {@code /collections/{id}/tiles}. */
  public static TiledData of(Collection collection) {
    return new TiledData(collection.id(), collection.title(), List.of(collection),
        List.of("collections", collection.id(), "tiles"), null, collection.visibility());
  }

  /** The CRS84 box around the layers' extents, or null when none has data. */
  SpatialExtent extent() {
    SpatialExtent union = null;
    for (Collection layer : layers) {
      SpatialExtent e = layer.spatialExtent();
      if (e != null) {
        union = union == null ? e : new SpatialExtent(Math.min(union.minLon(), e.minLon()),
            Math.min(union.minLat(), e.minLat()), Math.max(union.maxLon(), e.maxLon()),
            Math.max(union.maxLat(), e.maxLat()));
      }
    }
    return union;
  }

  /** The path below the service root of something of this tile set, e.g. {@code segments("WebMercatorQuad")}. */
  String[] segments(String... more) {
    String[] all = path.toArray(new String[path.size() + more.length]);
    System.arraycopy(more, 0, all, path.size(), more.length);
    return all;
  }

  /** The query string that keeps the selection, with the leading {@code ?}, or empty. */
  String query() {
    return selection == null ? "" : "?collections=" + selection;
  }
}
