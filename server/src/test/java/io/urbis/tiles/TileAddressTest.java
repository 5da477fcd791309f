package io.urbis.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.urbis.error.UrbisException;
import org.junit.jupiter.api.Test;

class TileAddressTest {

  private static final TileMatrixSet WEB_MERCATOR = TileMatrixSets.WEB_MERCATOR_QUAD;

  @Test
  void readsATileOfTheMatrix() {
    TileAddress address = TileAddress.parse(WEB_MERCATOR, "3", "2", "7");
    assertEquals("3", address.tileMatrix().id());
    assertEquals(2, address.row());
    assertEquals(7, address.col());
  }

  @Test
  void malformedOrNegativeNumbersAreBadRequests() {
    checkStatus(400, "x", "0", "0");
    checkStatus(400, "3", "-1", "0");
    checkStatus(400, "3", "0", "1.5");
    checkStatus(400, "-3", "0", "0");
    checkStatus(400, "3", "0", "");
  }

  @Test
  void tilesBeyondTheSetAreNotFound() {
    checkStatus(404, "25", "0", "0");
    checkStatus(404, "3", "8", "0");
    checkStatus(404, "3", "0", "8");
    checkStatus(404, "3", "0", "99999999999999999999");
    // UTM32WGS84Quad starts at matrix 1 and has twice as many rows as columns
    checkStatus(404, "0", "0", "0", TileMatrixSets.UTM32_WGS84_QUAD);
    assertEquals(3, TileAddress.parse(TileMatrixSets.UTM32_WGS84_QUAD, "2", "3", "1").row());
  }

  @Test
  void envelopeOfTheTopLeftTileStartsAtTheOrigin() {
    TileEnvelope tile = TileAddress.parse(WEB_MERCATOR, "1", "0", "0").envelope();
    assertEquals(-20037508.3427892, tile.minX(), 1e-6);
    assertEquals(20037508.3427892, tile.maxY(), 1e-6);
    assertEquals(0, tile.maxX(), 1e-6);
    assertEquals(0, tile.minY(), 1e-6);
  }

  private static void checkStatus(int status, String matrix, String row, String col) {
    checkStatus(status, matrix, row, col, WEB_MERCATOR);
  }

  private static void checkStatus(int status, String matrix, String row, String col, TileMatrixSet set) {
    UrbisException error = assertThrows(UrbisException.class, () -> TileAddress.parse(set, matrix, row, col));
    assertEquals(status, error.status(), error.getMessage());
  }
}
