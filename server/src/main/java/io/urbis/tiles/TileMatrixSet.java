package io.urbis.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tiling scheme of OGC 17-083r4 (TMS 2.0): a CRS and its tile matrices, coarsest first.
 *
 * @param id the identifier in URLs, as the OGC registry names the set
 * @param title a human title
 * @param uri the set's URI in the OGC registry
 * @param crs the CRS URI
 * @param srid the EPSG code PostGIS and proj4j transform to (4326 for CRS84, whose axes are longitude, latitude)
 * @param orderedAxes the axis abbreviations, in the order of the coordinates
 * @param wellKnownScaleSet the registered scale set, or null
 * @param tileMatrices the matrices, coarsest first
 */
public record TileMatrixSet(String id, String title, String uri, String crs, int srid, List<String> orderedAxes,
    String wellKnownScaleSet, List<TileMatrix> tileMatrices) {

  public TileMatrixSet {
    orderedAxes = List.copyOf(orderedAxes);
    tileMatrices = List.copyOf(tileMatrices);
  }

  public Optional<TileMatrix> tileMatrix(String matrixId) {
    return tileMatrices.stream().filter(m -> m.id().equals(matrixId)).findFirst();
  }

  /** The area the set covers: that of its coarsest matrix. */
  public TileEnvelope bounds() {
    return tileMatrices.get(0).bounds();
  }

  /**
   * A quadtree set as the registry defines it: the first matrix as given there, each next one with half its cell
   * size and scale and twice its columns and rows.
   */
  static TileMatrixSet quadTree(Header header, QuadTree tree) {
    List<TileMatrix> matrices = new ArrayList<>();
    for (int level = tree.firstLevel(); level <= tree.lastLevel(); level++) {
      long factor = 1L << (level - tree.firstLevel());
      matrices.add(new TileMatrix(Integer.toString(level), tree.scaleDenominator() / factor,
          tree.cellSize() / factor, tree.originX(), tree.originY(), tree.tileSize(), tree.matrixWidth() * factor,
          tree.matrixHeight() * factor));
    }
    return new TileMatrixSet(header.id(), header.title(), header.uri(), header.crs(), header.srid(),
        header.orderedAxes(), header.wellKnownScaleSet(), matrices);
  }

  /** What names a set. */
  record Header(String id, String title, String uri, String crs, int srid, List<String> orderedAxes,
      String wellKnownScaleSet) {}

  /** The first matrix of a quadtree set, and the range of its levels. */
  record QuadTree(int firstLevel, int lastLevel, double scaleDenominator, double cellSize, double originX,
      double originY, int tileSize, long matrixWidth, long matrixHeight) {}
}
