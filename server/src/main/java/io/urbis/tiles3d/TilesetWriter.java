package io.urbis.tiles3d;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Writes tileset.json (3D Tiles 1.1) for an implicit quadtree: the root's region, geometric error and the URI
 * templates of subtrees and content, and the metadata schema of the regions the subtrees give each tile and content
 * ({@link SubtreeWriter}). URIs are relative to the tileset's own URL ({@code .../3dtiles}), so the document is the
 * same whatever host or proxy serves it.
 */
public final class TilesetWriter {

  /** Where a client finds a feature from the {@code featureId} of a picked model, relative to the tileset. */
  public static final String FEATURE_URI_TEMPLATE = "items/{featureId}";

  private TilesetWriter() {}

  /**
   * Where a tile's content finds the metadata schema {@code file} beside the tileset ({@code 3dtiles/file}), relative
   * to the content ({@code 3dtiles/content/L/X/Y.glb}).
   */
  static String schemaFromContent(String file) {
    return "../../../" + file;
  }

  public static byte[] write(TilingScheme scheme) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode tileset = nodes.objectNode();
    tileset.putObject("asset").put("version", "1.1").put("generator", "Urbis");
    tileset.put("geometricError", 2 * scheme.geometricError(0));
    tileset.putObject("extras").put("featureUriTemplate", FEATURE_URI_TEMPLATE);
    ObjectNode classes = tileset.putObject("schema").put("id", "urbis_tiling").putObject("classes");
    addRegionClass(classes, SubtreeWriter.TILE_CLASS, "TILE_BOUNDING_REGION");
    addRegionClass(classes, SubtreeWriter.CONTENT_CLASS, "CONTENT_BOUNDING_REGION");
    ObjectNode root = tileset.putObject("root");
    ArrayNode region = root.putObject("boundingVolume").putArray("region");
    for (double value : scheme.region(TileId.ROOT)) {
      region.add(value);
    }
    root.put("geometricError", scheme.geometricError(0));
    root.put("refine", "ADD");
    root.putObject("content").put("uri", "3dtiles/content/{level}/{x}/{y}.glb");
    ObjectNode implicit = root.putObject("implicitTiling");
    implicit.put("subdivisionScheme", "QUADTREE");
    implicit.put("subtreeLevels", TilingScheme.SUBTREE_LEVELS);
    implicit.put("availableLevels", scheme.availableLevels());
    implicit.putObject("subtrees").put("uri", "3dtiles/subtrees/{level}/{x}/{y}.subtree");
    return tileset.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A class of one property, a bounding region: six FLOAT64 with the given semantic. */
  private static void addRegionClass(ObjectNode classes, String name, String semantic) {
    classes.putObject(name).putObject("properties").putObject(SubtreeWriter.REGION_PROPERTY).put("type", "SCALAR")
        .put("componentType", "FLOAT64").put("array", true).put("count", 6).put("semantic", semantic);
  }
}
