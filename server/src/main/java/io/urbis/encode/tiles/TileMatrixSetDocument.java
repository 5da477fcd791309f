package io.urbis.encode.tiles;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.urbis.tiles.TileMatrix;
import io.urbis.tiles.TileMatrixSet;
import java.util.List;

/** A tile matrix set in the JSON encoding of OGC 17-083r4 (tileMatrixSet.json), as the OGC registry has it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TileMatrixSetDocument(String id, String title, String uri, String crs, List<String> orderedAxes,
    String wellKnownScaleSet, List<Matrix> tileMatrices) {

  public static TileMatrixSetDocument of(TileMatrixSet set) {
    return new TileMatrixSetDocument(set.id(), set.title(), set.uri(), set.crs(), set.orderedAxes(),
        set.wellKnownScaleSet(), set.tileMatrices().stream().map(Matrix::of).toList());
  }

  /** One tile matrix; the corner of origin is the top left in every set Urbis serves. */
  public record Matrix(String id, double scaleDenominator, double cellSize, String cornerOfOrigin,
      double[] pointOfOrigin, int tileWidth, int tileHeight, long matrixWidth, long matrixHeight) {

    static Matrix of(TileMatrix matrix) {
      return new Matrix(matrix.id(), matrix.scaleDenominator(), matrix.cellSize(), "topLeft",
          new double[] {matrix.originX(), matrix.originY()}, matrix.tileSize(), matrix.tileSize(),
          matrix.matrixWidth(), matrix.matrixHeight());
    }
  }
}
