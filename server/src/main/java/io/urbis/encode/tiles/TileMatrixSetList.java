package io.urbis.encode.tiles;

import java.util.List;

/** {@code /tileMatrixSets}: the sets Urbis tiles in, each with a link to its definition. */
public record TileMatrixSetList(List<Entry> tileMatrixSets, List<TileLink> links) {

  public record Entry(String id, String title, String uri, String crs, List<TileLink> links) {}
}
