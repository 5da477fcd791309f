package io.urbis.api;

import io.urbis.tiles.TileSettings;
import java.util.List;

/** The resources of OGC API - Tiles, sharing one tile builder (and so one cache of tile set limits). */
public final class TileResources {

  private TileResources() {}

  public static List<Object> create(String title, TileSettings settings) {
    TileSetEndpoints endpoints = new TileSetEndpoints(new VectorTiles(settings));
    return List.of(new TileMatrixSetsResource(), new DatasetTilesResource(title, endpoints),
        new CollectionTilesResource(endpoints));
  }
}
