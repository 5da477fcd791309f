package io.urbis.conformance.support;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tile matrix set as the server defines it at {@code /tileMatrixSets/{id}}, read with the arithmetic of OGC
 * 17-083r4 (top-left origin): which tile holds a position, and where a tile lies, in the set's CRS.
 *
 * @param id the tile matrix set id
 * @param srid the EPSG code of its CRS (4326 for CRS84, longitude first as in PostGIS)
 */
public record TileGrid(String id, int srid, JsonNode definition) {

  public static TileGrid fetch(Api api, String id) {
    JsonNode definition = api.json("/tileMatrixSets/" + id);
    String crs = definition.path("crs").asText();
    int srid = crs.endsWith("/CRS84") ? 4326 : Integer.parseInt(crs.substring(crs.lastIndexOf('/') + 1));
    return new TileGrid(id, srid, definition);
  }

  /** The tile of matrix {@code matrixId} holding the position (x, y) in the set's CRS. */
  public Tile tileAt(String matrixId, double x, double y) {
    JsonNode matrix = matrix(matrixId);
    double span = span(matrix);
    long col = (long) Math.floor((x - matrix.at("/pointOfOrigin/0").asDouble()) / span);
    long row = (long) Math.floor((matrix.at("/pointOfOrigin/1").asDouble() - y) / span);
    return tile(matrixId, row, col);
  }

  public Tile tile(String matrixId, long row, long col) {
    JsonNode matrix = matrix(matrixId);
    double span = span(matrix);
    double minX = matrix.at("/pointOfOrigin/0").asDouble() + col * span;
    double maxY = matrix.at("/pointOfOrigin/1").asDouble() - row * span;
    return new Tile(id, matrixId, row, col, minX, maxY - span, minX + span, maxY, srid);
  }

  private JsonNode matrix(String matrixId) {
    for (JsonNode matrix : definition.path("tileMatrices")) {
      if (matrix.path("id").asText().equals(matrixId)) {
        return matrix;
      }
    }
    throw new AssertionError(id + " has no tile matrix " + matrixId);
  }

  private static double span(JsonNode matrix) {
    return matrix.path("cellSize").asDouble() * matrix.path("tileWidth").asInt();
  }

  /** One tile and its bounds in the CRS of its set. */
  public record Tile(String tileMatrixSet, String matrix, long row, long col, double minX, double minY, double maxX,
      double maxY, int srid) {

    /** {@code {tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}} */
    public String path() {
      return tileMatrixSet + "/" + matrix + "/" + row + "/" + col;
    }

    /** The tile grown (or, negative, shrunk) by a fraction of its size on every side, as PostGIS SQL. */
    public String envelopeSql(double fraction) {
      double dx = (maxX - minX) * fraction;
      double dy = (maxY - minY) * fraction;
      return "ST_MakeEnvelope(" + (minX - dx) + ", " + (minY - dy) + ", " + (maxX + dx) + ", " + (maxY + dy) + ", "
          + srid + ")";
    }
  }
}
