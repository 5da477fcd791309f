package io.urbis.conformance.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.MvtTile;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.TileGrid;
import java.util.Set;
import java.util.TreeSet;

/** Fetching and reading tiles for the tile tests. */
final class TileContents {

  static final String MVT = "application/vnd.mapbox-vector-tile";

  private TileContents() {}

  /** The collection's tile, which must hold data (200, MVT). */
  static MvtTile fetch(Api api, Layer layer, TileGrid.Tile tile) {
    Reply reply = api.get("/collections/" + layer.id() + "/tiles/" + tile.path(), "Accept", MVT);
    assertEquals(200, reply.status(), reply::describe);
    assertEquals(MVT, reply.mediaType(), reply::describe);
    return MvtTile.decode(reply.body());
  }

  /** The feature keys of a layer of the tile, comparable with {@link io.urbis.conformance.support.Truth} keys. */
  static Set<String> keys(Layer layer, MvtTile.MvtLayer tileLayer) {
    Set<String> keys = new TreeSet<>();
    for (MvtTile.MvtFeature feature : tileLayer.features()) {
      // text keys are no MVT feature ids: both sources write them as the property "id"
      keys.add(layer == Layer.POI ? String.valueOf(feature.attributes().get("id")) : String.valueOf(feature.id()));
    }
    return keys;
  }
}
