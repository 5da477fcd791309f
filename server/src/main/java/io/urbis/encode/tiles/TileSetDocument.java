package io.urbis.encode.tiles;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.urbis.tiles.TileMatrixLimits;
import java.util.List;

/**
 * Tile set metadata in the JSON encoding of OGC 17-083r4 (tileSet.json): a vector tile set of one or more layers in
 * one tile matrix set, with the tiles that hold data and the link template of its tiles. The tile matrix set's id,
 * which 17-083r4 does not name here, is given as in the tile set lists.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TileSetDocument(String title, String dataType, String crs, String tileMatrixSetId,
    String tileMatrixSetURI, List<TileMatrixLimits> tileMatrixSetLimits, List<Layer> layers, List<TileLink> links) {

  /**
   * One layer of the tiles (a collection).
   *
   * @param geometryDimension 0 for points, 1 for lines, 2 for surfaces, absent when mixed
   * @param completeFromTileMatrix the first tile matrix from which the layer's tiles hold every feature with its
   *     whole geometry (coarser ones may be reduced to fit the tile budget); absent when not known. Not a member of
   *     17-083r4's layer (geospatialData), whose minTileMatrix and maxTileMatrix tell where a layer is shown, not
   *     where it is complete; its JSON schema allows further members
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Layer(String id, String title, String dataType, Integer geometryDimension,
      String completeFromTileMatrix, List<TileLink> links) {}
}
