package io.urbis.tiles3d;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.urbis.cache.TileBytes;
import io.urbis.catalog.Collection;
import java.nio.charset.StandardCharsets;

/**
 * The metadata schema (EXT_structural_metadata) of one audience's tiles of a collection, and its file beside the
 * tileset, which its tiles name by their schemaUri.
 *
 * @param file the file name in {@code 3dtiles/}
 * @param document the schema document
 */
record TileSchema(String file, TileBytes document) {

  /** The file of the whole collection's schema, which every audience may also ask for its own by. */
  static final String WHOLE_FILE = "schema.json";

  /**
   * The schema of the collection's tiles as the audience sees them: the feature id and the visible properties the
   * settings give its tiles. The whole collection's is {@code schema.json} with the id {@code urbis}, as always. A
   * narrowed one's id and file carry a hash of what it defines, so that clients, which keep schemas by id and URI,
   * never take one audience's for another's; a hash of what the audience reads anyway, never its visibility key,
   * which would let a guess of the hidden properties be checked.
   */
  static TileSchema of(Collection collection, Tiles3dSettings settings) {
    ObjectNode schema = PropertyTable.forTiles(collection, settings).schema();
    if (collection.isWhole()) {
      return new TileSchema(WHOLE_FILE, document(schema));
    }
    String tag = document(schema).entityTag();
    schema.put("id", PropertyTable.SCHEMA_ID + "_" + tag);
    return new TileSchema("schema-" + tag + ".json", document(schema));
  }

  private static TileBytes document(ObjectNode schema) {
    return TileBytes.of(schema.toString().getBytes(StandardCharsets.UTF_8));
  }
}
