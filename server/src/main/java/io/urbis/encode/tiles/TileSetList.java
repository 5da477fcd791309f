package io.urbis.encode.tiles;

import java.util.List;

/** {@code .../tiles}: the tile sets of a collection or of the dataset, one per tile matrix set (20-057, 7.3). */
public record TileSetList(List<Summary> tilesets, List<TileLink> links) {

  /** The part of a tile set's metadata the list shows, with links to the whole of it and its tile matrix set. */
  public record Summary(String title, String dataType, String crs, String tileMatrixSetURI, List<TileLink> links) {}
}
