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
 *
 * <p>The tile set lists, tile sets and tiles carry the operationId suffixes of OGC 20-057 (clause 14, Table 11):
 * {@code .dataset.vector.getTile} as it stands for the dataset, which has one of each, and
 * {@code {collection key}.collection.vector.getTile} for a collection. TileJSON and styles, which the table does not
 * name, are {@code getTileJson} for the dataset like the server's other operations and
 * {@code {collection key}.getTileJson} like the collection's.
 */
final class TilePaths {

  static final String TAG = "Tiles";

  private final String prefix;
  private final String idPrefix;
  private final String origin;
  private final String tag;
  private final List<Parameter> selection;

  /**
   * @param prefix the path of the tile set list
   * @param idPrefix what precedes the operationIds: empty for the dataset, the collection key for a collection
   * @param origin {@code dataset} or {@code collection}, in Table 11's terms
   */
  private TilePaths(String prefix, String idPrefix, String origin, String tag, List<Parameter> selection) {
    this.prefix = prefix;
    this.idPrefix = idPrefix;
    this.origin = origin;
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
    paths.putAll(new TilePaths("/tiles", "", "dataset", TAG, List.of(Refs.parameter("collections")))
        .all("all collections"));
    return paths;
  }

  /** The tiles of one collection, below its own path. */
  static Map<String, PathItem> forCollection(CollectionNames names, CollectionDescription collection) {
    return new TilePaths(names.path() + "/tiles", names.key(), "collection", collection.id(), List.of())
        .all("'" + collection.label() + "'");
  }

  private Map<String, PathItem> all(String label) {
    Map<String, PathItem> paths = new LinkedHashMap<>();
    paths.put(prefix, get(tableOperationId("getTileSetsList"), "The vector tile sets of " + label,
        List.of(Refs.parameter("f")), "TileSets"));
    paths.put(prefix + "/{tileMatrixSetId}", get(tableOperationId("getTileSet"), "A vector tile set of " + label,
        List.of(Refs.parameter("tileMatrixSetId"), Refs.parameter("f")), "TileSet"));
    PathItem tile = get(tableOperationId("getTile"), "A vector tile of " + label,
        List.of(Refs.parameter("tileMatrixSetId"), Refs.parameter("tileMatrix"), Refs.parameter("tileRow"),
            Refs.parameter("tileCol")), "Tile");
    tile.getGet().getResponses().addApiResponse("204", Refs.response("EmptyTile"));
    paths.put(prefix + "/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", tile);
    paths.put(prefix + "/{tileMatrixSetId}/tilejson", get(operationId("getTileJson"),
        "TileJSON of the tiles of " + label, List.of(Refs.parameter("webMercatorQuad")), "TileJson"));
    paths.put(prefix + "/{tileMatrixSetId}/style", get(operationId("getStyle"),
        "A MapLibre style for the tiles of " + label, List.of(Refs.parameter("webMercatorQuad")), "Style"));
    return paths;
  }

  /** The prefix, then Table 11's suffix, e.g. {@code .dataset.vector.getTile}. */
  private String tableOperationId(String resource) {
    return idPrefix + "." + origin + ".vector." + resource;
  }

  private String operationId(String operation) {
    return idPrefix.isEmpty() ? operation : idPrefix + "." + operation;
  }

  private PathItem get(String operationId, String summary, List<Parameter> parameters, String okResponse) {
    List<Parameter> all = new ArrayList<>(parameters);
    all.addAll(selection);
    return Operations.get(operationId, tag, summary, all, okResponse, FOR_COLLECTION_RESOURCE);
  }
}
