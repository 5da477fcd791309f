package io.urbis.tiles3d;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Writes tileset.json (3D Tiles 1.1) for an implicit quadtree: the root's region, geometric error and the URI
 * templates of subtrees and content. URIs are relative to the tileset's own URL ({@code .../3dtiles}), so the
 * document is the same whatever host or proxy serves it.
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
}
