package io.urbis.tiles3d;

import io.urbis.catalog.Collection;
import io.urbis.source.Extrusion;
import io.urbis.source.ModelRow;
import io.urbis.source.ModelSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the GLB content of tiles of one collection, reading the models of several tiles with one query. Each tile's
 * features go into it in the order of the index, whatever order the source reads them in, so that a tile is the
 * same byte for byte whether it is built alone (on request) or among others (seeding).
 */
final class TileContents {

  private final Collection collection;
  private final TileIndex index;
  private final ModelSource models;
  private final Extrusion extrusion;
  private final Tiles3dSettings settings;
  private final String schemaUri;

  /** The tiles of the collection as its audience sees it; their property tables' schema is at {@code schemaUri}. */
  TileContents(Collection collection, TileIndex index, ModelSource models, Extrusion extrusion,
      Tiles3dSettings settings, String schemaUri) {
    this.collection = collection;
    this.index = index;
    this.models = models;
    this.extrusion = extrusion;
    this.settings = settings;
    this.schemaUri = schemaUri;
  }

  /** The models of all features of the tiles, by feature id, read with one query. */
  Map<String, ModelRow> read(List<TileId> tiles) {
    List<String> ids = tiles.stream().flatMap(tile -> index.featureIds(tile).stream()).toList();
    Map<String, ModelRow> rows = new HashMap<>(2 * ids.size());
    models.models(collection, ids, extrusion, row -> rows.put(row.id(), row));
    return rows;
  }

  /** The tile's GLB from {@code rows} (as read), taking its features' rows out of them. */
  byte[] build(TileId tile, Map<String, ModelRow> rows) {
    TileContentBuilder builder = new TileContentBuilder(index.scheme(), tile, settings.geoidOffset(),
        PropertyTable.forTiles(collection, settings), settings.encoding());
    for (String id : index.featureIds(tile)) {
      // a feature deleted after the index was built has no row; it is left out until the next data version
      ModelRow row = rows.remove(id);
      if (row != null) {
        builder.add(row);
      }
    }
    return builder.glb(schemaUri);
  }
}
