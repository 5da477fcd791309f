package io.urbis.encode.tiles;

import io.urbis.tiles.TileMatrixLimits;
import java.util.List;

/** {@code .../tiles}: the tile sets of a collection or of the dataset, one per tile matrix set (20-057, 7.3). */
public record TileSetList(List<Summary> tilesets, List<TileLink> links) {

  /**
   * The part of a tile set's metadata the list shows, as the tile set itself shows it: the members of 20-057's
   * tileSet-item, links to the whole tile set and its tile matrix set, and besides them the tile matrix set id, the
   * limits and the tile URL template, from which a client (the OGC API - Tiles suite) picks a tile to request.
   */
  public record Summary(String title, String dataType, String crs, String tileMatrixSetId, String tileMatrixSetURI,
      List<TileMatrixLimits> tileMatrixSetLimits, List<TileLink> links) {}
}
