package io.urbis.conformance.tiles;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.MvtTile;
import io.urbis.conformance.support.TileGrid;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.UrbisTest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Conformance class Mapbox Vector Tiles (OGC 20-057, A.9, /conf/mvt/content). */
@UrbisTest
@DisplayName("OGC API - Tiles: Mapbox Vector Tiles")
class MvtTest {

  private final Api api;
  private final Truth truth;

  MvtTest(Api api, Truth truth) {
    this.api = api;
    this.truth = truth;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"WebMercatorQuad", "WorldCRS84Quad", "UTM32WGS84Quad"})
  @DisplayName("/conf/mvt/content: one MVT 2 layer; tile units map linearly to the tile in the set's CRS, 0,0 top left")
  void content(String tileMatrixSet) {
    TileGrid grid = TileGrid.fetch(api, tileMatrixSet);
    double[] point = truth.pointOnFeature(Layer.SENSORS, 5, grid.srid());
    TileGrid.Tile tile = grid.tileAt("16", point[0], point[1]);
    MvtTile decoded = TileContents.fetch(api, Layer.SENSORS, tile);
    MvtTile.MvtLayer layer = decoded.layer(Layer.SENSORS.id());
    MvtTile.MvtFeature sensor = layer.features().stream()
        .filter(feature -> feature.id() != null && feature.id() == fifthKey())
        .findFirst().orElseThrow(() -> new AssertionError("sensor " + fifthKey() + " not in " + tile.path()));
    long[] xy = sensor.parts().get(0).get(0);
    double expectedX = (point[0] - tile.minX()) / (tile.maxX() - tile.minX()) * layer.extent();
    double expectedY = (tile.maxY() - point[1]) / (tile.maxY() - tile.minY()) * layer.extent();
    assertAll(tile.path(),
        () -> assertEquals(1, decoded.layers().size(), "one layer"),
        () -> assertEquals(2, layer.version(), "MVT version"),
        () -> assertEquals(4096, layer.extent(), "extent"),
        () -> assertFalse(layer.features().isEmpty(), "features"),
        () -> assertTrue(layer.features().stream().allMatch(f -> f.type() >= 1 && f.type() <= 3
            && !f.parts().isEmpty()), "every feature has a type and a geometry"),
        () -> assertEquals(1, sensor.type(), "a point"),
        () -> assertEquals(expectedX, xy[0], 1.0, "x in tile units"),
        () -> assertEquals(expectedY, xy[1], 1.0, "y in tile units"));
  }

  /** The key of the sixth sensor, the one {@link Truth#pointOnFeature} placed at offset 5. */
  private long fifthKey() {
    List<String> keys = truth.column("SELECT s.id FROM sensors s ORDER BY s.id LIMIT 1 OFFSET 5");
    return Long.parseLong(keys.get(0));
  }
}
