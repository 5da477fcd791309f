package io.urbis.tiles.mvt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.urbis.testdata.MvtLayers;
import io.urbis.tiles.TileAddress;
import io.urbis.tiles.TileBudget;
import io.urbis.tiles.TileEnvelope;
import io.urbis.tiles.TileHash;
import io.urbis.tiles.TileMatrixSets;
import io.urbis.tiles.TileReduction;
import io.urbis.tiles.TileRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The reduction rules as the GeoPackage source applies them, on a WebMercatorQuad tile of zoom 16 (2.4 m pixels). */
class TileLayerBuilderTest {

  private static final GeometryFactory GEOMETRIES = new GeometryFactory();
  private static final TileAddress TILE = TileAddress.parse(TileMatrixSets.WEB_MERCATOR_QUAD, "16", "21651", "34247");
  private static final TileEnvelope BOX = TILE.envelope();
  /** Square metres of Web Mercator in one square tile unit. */
  private static final double UNIT_AREA = Math.pow(BOX.width() / TileRequest.EXTENT, 2);

  @Test
  void aWholeLayerIsWrittenAsTheWriterWritesIt() {
    TileRequest whole = new TileRequest(TILE, null, List.of("name"));
    TileLayerBuilder builder = new TileLayerBuilder("buildings", whole);
    MvtLayerWriter writer = new MvtLayerWriter("buildings", whole);
    for (long id = 1; id <= 3; id++) {
      builder.add(id, square(10 * id, 10 * id, 0.5), Map.of("name", "b" + id));
      writer.add(id, square(10 * id, 10 * id, 0.5), Map.of("name", "b" + id));
    }
    assertArrayEquals(writer.toTile(), builder.toTile(), "nothing left out, nothing merged");
  }

  @Test
  void levelZeroMergesSmallPolygonsOfACellIntoABlockOfTheirAreaAndDropsShortLines() {
    TileReduction rules = TileBudget.DEFAULT.reduction(TILE.tileMatrix(), 0);
    TileLayerBuilder builder = new TileLayerBuilder("buildings", new TileRequest(TILE, null, List.of("name"), rules));
    double cellX = BOX.minX() + 40 * rules.cellSize();
    double cellY = BOX.maxY() - 40 * rules.cellSize();
    // three squares of 1 m² (a pixel is 5.7 m²) in one cell, the second the largest
    builder.add(1L, square(cellX + 0.6, cellY - 0.6, 0.45), Map.of("name", "small"));
    builder.add(2L, square(cellX + 1.2, cellY - 1.2, 0.55), Map.of("name", "larger"));
    builder.add(3L, square(cellX + 1.8, cellY - 1.8, 0.45), Map.of("name", "small"));
    builder.add(4L, square(cellX + 100, cellY - 100, 10), Map.of("name", "house"));
    builder.add(5L, line(cellX + 200, cellY - 200, 1.5), Map.of("name", "stub"));
    builder.add(6L, line(cellX + 300, cellY - 300, 50), Map.of("name", "street"));
    builder.add(7L, GEOMETRIES.createPoint(new Coordinate(cellX + 400, cellY - 400)), Map.of("name", "tree"));

    List<MvtLayers.Feature> features = MvtLayers.read(builder.toTile()).layers().get(0).features();
    assertEquals(List.of(4L, 6L, 7L), features.stream().limit(3).map(MvtLayers.Feature::id).toList(),
        "the large polygon, the long line and the point kept, in their order");
    assertEquals(4, features.size(), "the short line left out, the small squares one block");
    MvtLayers.Feature block = features.get(3);
    assertNull(block.id(), "a block is no feature of the collection");
    assertEquals(Map.of("name", "larger"), block.properties(), "the largest merged polygon's properties");
    double merged = (0.9 * 0.9 + 1.1 * 1.1 + 0.9 * 0.9) / UNIT_AREA;
    assertEquals(merged, block.geometry().getArea(), merged * 0.2, "the block keeps the area it merges");
  }

  @Test
  void withoutMergingSmallPolygonsAreLeftOut() {
    TileReduction rules = new TileBudget(500_000, 1, false).reduction(TILE.tileMatrix(), 0);
    TileLayerBuilder builder = new TileLayerBuilder("buildings", new TileRequest(TILE, null, List.of(), rules));
    builder.add(1L, square(BOX.minX() + 100, BOX.maxY() - 100, 0.5), Map.of());
    builder.add(2L, square(BOX.minX() + 200, BOX.maxY() - 200, 5), Map.of());
    assertEquals(List.of(2L), ids(builder.toTile()));
  }

  @Test
  void thinningKeepsTheLargestOfACellThenTheFirstByHashNeverByIdAndMergesTheRest() {
    TileReduction rules = TileBudget.DEFAULT.reduction(TILE.tileMatrix(), 3);
    double cellX = BOX.minX() + 4 * rules.cellSize();
    double cellY = BOX.maxY() - 4 * rules.cellSize();
    List<Long> sameSize = LongStream.rangeClosed(2, 5).boxed().toList();
    long firstByHash = sameSize.stream().min(Comparator.comparingLong(TileHash::of)).orElseThrow();
    assertNotEquals(2L, firstByHash, "ids whose hash order is not their order");

    TileLayerBuilder builder = new TileLayerBuilder("buildings", new TileRequest(TILE, null, List.of(), rules));
    for (long id : sameSize) {
      builder.add(id, square(cellX + 2 + 3 * (id - 2), cellY - 2 - 3 * (id - 2), 1.2), Map.of());
    }
    assertEquals(List.of(firstByHash, -1L), idsOrMinusOne(builder.toTile()), "one kept, three merged");

    builder = new TileLayerBuilder("buildings", new TileRequest(TILE, null, List.of(), rules));
    for (long id : sameSize) {
      builder.add(id, square(cellX + 2 + 3 * (id - 2), cellY - 2 - 3 * (id - 2), id == 3 ? 1.5 : 1.2), Map.of());
    }
    assertEquals(List.of(3L, -1L), idsOrMinusOne(builder.toTile()), "the largest first");
    assertEquals(rules.cellColumn(cellX + 2), rules.cellColumn(cellX + 11.5), "all in one cell");
  }

  private static List<Long> ids(byte[] tile) {
    return MvtLayers.read(tile).layers().get(0).features().stream().map(MvtLayers.Feature::id).toList();
  }

  private static List<Long> idsOrMinusOne(byte[] tile) {
    return ids(tile).stream().map(id -> id == null ? -1L : id).toList();
  }

  /** A square of half side {@code half} metres around x, y (Web Mercator). */
  private static Geometry square(double x, double y, double half) {
    return GEOMETRIES.toGeometry(new Envelope(x - half, x + half, y - half, y + half));
  }

  private static Geometry line(double x, double y, double length) {
    return GEOMETRIES.createLineString(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + length, y)});
  }
}
