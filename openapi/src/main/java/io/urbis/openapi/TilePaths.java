package io.urbis.openapi;

import static io.urbis.openapi.StatusResponse.FOR_COLLECTION_RESOURCE;

import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paths of OGC API - Tiles: the tile matrix sets, and the tile sets, tiles, TileJSON and styles of the dataset
 * ({@code /tiles}, with the {@code collections} parameter) and of each collection.
 */
final class TilePaths {

  static final String TAG = "Tiles";

  private final String prefix;
  private final String operationSuffix;
  private final String tag;
  private final List<Parameter> selection;

  private TilePaths(String prefix, String operationSuffix, String tag, List<Parameter> selection) {
    this.prefix = prefix;
    this.operationSuffix = operationSuffix;
    this.tag = tag;
    this.selection = selection;
  }

  /** The tile matrix sets and the dataset's tiles. */
  static Map<String, PathItem> forServer() {
    Map<String, PathItem> paths = new LinkedHashMap<>();
    paths.put("/tileMatrixSets", Operations.get("getTileMatrixSetsList", TAG, "The tile matrix sets of the tiles",
        List.of(Refs.parameter("f")), "TileMatrixSets", FOR_COLLECTION_RESOURCE));
    paths.put("/tileMatrixSets/{tileMatrixSetId}", Operations.get("getTileMatrixSet", TAG,
        "The definition of a tile matrix set", List.of(Refs.parameter("tileMatrixSetId"), Refs.parameter("f")),
        "TileMatrixSet", FOR_COLLECTION_RESOURCE));
    paths.putAll(new TilePaths("/tiles", "", TAG, List.of(Refs.parameter("collections"))).all("all collections"));
    return paths;
  }

  /** The tiles of one collection, below its own path. */
  static Map<String, PathItem> forCollection(CollectionNames names, CollectionDescription collection) {
    return new TilePaths(names.path() + "/tiles", "_" + names.key(), collection.id(), List.of())
        .all("'" + collection.label() + "'");
  }

  private Map<String, PathItem> all(String label) {
    Map<String, PathItem> paths = new LinkedHashMap<>();
    paths.put(prefix, get("getTileSetsList", "The vector tile sets of " + label, List.of(Refs.parameter("f")),
        "TileSets"));
    paths.put(prefix + "/{tileMatrixSetId}", get("getTileSet", "A vector tile set of " + label,
        List.of(Refs.parameter("tileMatrixSetId"), Refs.parameter("f")), "TileSet"));
    PathItem tile = get("getTile", "A vector tile of " + label, List.of(Refs.parameter("tileMatrixSetId"),
        Refs.parameter("tileMatrix"), Refs.parameter("tileRow"), Refs.parameter("tileCol")), "Tile");
    tile.getGet().getResponses().addApiResponse("204", Refs.response("EmptyTile"));
    paths.put(prefix + "/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", tile);
    paths.put(prefix + "/{tileMatrixSetId}/tilejson", get("getTileJson", "TileJSON of the tiles of " + label,
        List.of(Refs.parameter("webMercatorQuad")), "TileJson"));
    paths.put(prefix + "/{tileMatrixSetId}/style", get("getStyle", "A MapLibre style for the tiles of " + label,
        List.of(Refs.parameter("webMercatorQuad")), "Style"));
    return paths;
  }

  private PathItem get(String operation, String summary, List<Parameter> parameters, String okResponse) {
    List<Parameter> all = new ArrayList<>(parameters);
    all.addAll(selection);
    return Operations.get(operation + operationSuffix, tag, summary, all, okResponse, FOR_COLLECTION_RESOURCE);
  }
}
