package io.urbis.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.SpatialExtent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** The CRS84 window a source selects a tile's features in: near the data, and where the tile's CRS can be used. */
class TileRequestTest {

  private static final SpatialExtent WORLD = new SpatialExtent(-180, -89.9, 180, 89.9);

  @Test
  void aUtmTileOfWorldWideDataTakesOnlyFeaturesNearItsZone() {
    TileRequest tile = new TileRequest(TileAddress.parse(TileMatrixSets.UTM32_WGS84_QUAD, "1", "1", "0"),
        new Envelope(-180, 180, -90, 90), List.of());
    assertEquals(new Envelope(3, 15, -3, 87), tile.crs84WindowNear(WORLD),
        "UTM 32N's area of use, 6-12°E and 0-84°N, widened by 3°: a point 90° from 9°E cannot be projected");
    assertEquals(new Envelope(3, 15, -3, 87),
        new TileRequest(tile.address(), null, List.of()).crs84WindowNear(WORLD), "without a window of its own");
  }

  @Test
  void aWebMercatorTileTakesFeaturesUpTo85Degrees() {
    TileRequest tile = new TileRequest(TileAddress.parse(TileMatrixSets.WEB_MERCATOR_QUAD, "0", "0", "0"),
        new Envelope(-180, 180, -85.06, 85.06), List.of());
    assertEquals(new Envelope(-180, 180, -85.06, 85.06), tile.crs84WindowNear(WORLD));
  }

  @Test
  void aTileMissingTheDataSelectsNothing() {
    TileRequest tile = new TileRequest(TileAddress.parse(TileMatrixSets.WEB_MERCATOR_QUAD, "1", "0", "0"),
        new Envelope(-180, 0, 0, 85.06), List.of());
    assertTrue(tile.crs84WindowNear(new SpatialExtent(6.6, 51.6, 6.7, 51.7)).isNull());
    assertTrue(tile.crs84WindowNear(null).isNull(), "a collection without extent has no data");
  }
}
