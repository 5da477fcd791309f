package io.urbis.openapi;

import static io.urbis.openapi.StatusResponse.FOR_COLLECTION_RESOURCE;

import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 3D Tiles 1.1 paths of a collection with 3D models: the tileset (OGC API - 3D GeoVolumes links to it), the
 * metadata schema its tiles name, and the subtrees and contents of its implicit quadtree.
 */
final class Tiles3dPaths {

  private Tiles3dPaths() {}

  static Map<String, PathItem> forCollection(CollectionNames names, CollectionDescription collection) {
    String prefix = names.path() + "/3dtiles";
    String label = "'" + collection.label() + "'";
    List<Parameter> tile = List.of(Refs.parameter("level"), Refs.parameter("x"), Refs.parameter("y"));
    Map<String, PathItem> paths = new LinkedHashMap<>();
    paths.put(prefix, Operations.get(names.operationId("get3dTileset"), collection.id(),
        "The 3D Tiles tileset of " + label, List.of(), "Tileset3d", FOR_COLLECTION_RESOURCE));
    paths.put(prefix + "/schema.json", Operations.get(names.operationId("get3dTilesSchema"), collection.id(),
        "The metadata schema of the property tables in the 3D tiles of " + label, List.of(), "Tiles3dSchema",
        FOR_COLLECTION_RESOURCE));
    paths.put(prefix + "/subtrees/{level}/{x}/{y}.subtree", Operations.get(names.operationId("get3dTilesSubtree"),
        collection.id(), "A subtree (tile and content availability) of the 3D tiles of " + label, tile,
        "Subtree3d", FOR_COLLECTION_RESOURCE));
    paths.put(prefix + "/content/{level}/{x}/{y}.glb", Operations.get(names.operationId("get3dTileContent"),
        collection.id(), "The buildings of one 3D tile of " + label + " as binary glTF", tile, "TileContent3d",
        FOR_COLLECTION_RESOURCE));
    return paths;
  }
}
