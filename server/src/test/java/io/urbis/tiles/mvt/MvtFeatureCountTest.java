package io.urbis.tiles.mvt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.urbis.tiles.TileAddress;
import io.urbis.tiles.TileMatrixSets;
import io.urbis.tiles.TileRequest;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Features counted in the bytes of a tile, over all its layers, with every kind of value in them. */
class MvtFeatureCountTest {

  private static final GeometryFactory GEOMETRIES = new GeometryFactory();
  private static final TileRequest TILE = new TileRequest(TileAddress.parse(TileMatrixSets.WEB_MERCATOR_QUAD, "0",
      "0", "0"), null, List.of());

  @Test
  void featuresOfEveryLayerAreCounted() {
    ByteArrayOutputStream tile = new ByteArrayOutputStream();
    tile.writeBytes(layer("a", 3));
    tile.writeBytes(layer("b", 200));
    assertEquals(203, MvtFeatureCount.of(tile.toByteArray()));
    assertEquals(0, MvtFeatureCount.of(new byte[0]));
  }

  private static byte[] layer(String name, int features) {
    MvtLayerWriter writer = new MvtLayerWriter(name, TILE);
    for (int i = 0; i < features; i++) {
      writer.add((long) i * 1000, GEOMETRIES.createPoint(new Coordinate(i * 1000, i * 500)),
          Map.of("text", "value " + i, "number", i * 0.5, "integer", (long) -i, "flag", i % 2 == 0));
    }
    return writer.toTile();
  }
}
