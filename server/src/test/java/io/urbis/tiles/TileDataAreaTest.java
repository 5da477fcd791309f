package io.urbis.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.SpatialExtent;
import java.util.List;
import org.junit.jupiter.api.Test;

class TileDataAreaTest {

  /** Osnabrück, about 8.0 E 52.27 N. */
  private static final SpatialExtent CITY = new SpatialExtent(8.0, 52.25, 8.1, 52.3);

  @Test
  void limitsHoldTheTilesOfTheExtent() {
    List<TileMatrixLimits> limits = TileDataArea.limits(TileMatrixSets.WEB_MERCATOR_QUAD, CITY);
    assertEquals(25, limits.size());
    checkLimits(limits.get(0), 0, 0, 0, 0);
    // at zoom 10, 8.0..8.1 E are columns 534 and 535, 52.3 N is in row 336 and 52.25 N in row 337
    checkLimits(limits.get(10), 336, 337, 534, 535);
  }

  @Test
  void geographicSetCountsFromTheTopLeftCorner() {
    List<TileMatrixLimits> limits = TileDataArea.limits(TileMatrixSets.WORLD_CRS84_QUAD, CITY);
    // zoom 0 has two 180° tiles: the eastern one
    checkLimits(limits.get(0), 0, 0, 1, 1);
  }

  @Test
  void utmTilesAreNamedAfterTheirMatrices() {
    List<TileMatrixLimits> limits = TileDataArea.limits(TileMatrixSets.UTM32_WGS84_QUAD, CITY);
    assertEquals("1", limits.get(0).tileMatrix());
    assertTrue(limits.stream().allMatch(l -> l.minTileCol() <= l.maxTileCol() && l.minTileRow() <= l.maxTileRow()));
  }

  @Test
  void noExtentMeansNoLimits() {
    assertTrue(TileDataArea.limits(TileMatrixSets.WEB_MERCATOR_QUAD, null).isEmpty());
  }

  private static void checkLimits(TileMatrixLimits limits, long minRow, long maxRow, long minCol, long maxCol) {
    assertEquals(List.of(minRow, maxRow, minCol, maxCol), List.of(limits.minTileRow(), limits.maxTileRow(),
        limits.minTileCol(), limits.maxTileCol()), "matrix " + limits.tileMatrix());
  }
}
