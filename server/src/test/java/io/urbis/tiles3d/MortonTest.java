package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MortonTest {

  @Test
  void xTakesTheEvenBitsAndYTheOdd() {
    assertEquals(0, Morton.index(0, 0));
    assertEquals(1, Morton.index(1, 0));
    assertEquals(2, Morton.index(0, 1));
    assertEquals(3, Morton.index(1, 1));
    assertEquals(4, Morton.index(2, 0));
    // x = 101, y = 011: bits y2 x2 y1 x1 y0 x0 = 0 1 1 0 1 1
    assertEquals(0b011011, Morton.index(0b101, 0b011));
  }

  @Test
  void interleavingMatchesTheBitByBitDefinition() {
    for (long x = 0; x < 64; x++) {
      for (long y = 0; y < 64; y++) {
        long expected = 0;
        for (int bit = 0; bit < 6; bit++) {
          expected |= ((x >> bit) & 1) << (2 * bit);
          expected |= ((y >> bit) & 1) << (2 * bit + 1);
        }
        assertEquals(expected, Morton.index(x, y), x + "," + y);
      }
    }
  }

  @Test
  void levelOffsetsCountTheTilesAbove() {
    assertEquals(0, Morton.levelOffset(0));
    assertEquals(1, Morton.levelOffset(1));
    assertEquals(5, Morton.levelOffset(2));
    assertEquals(21, Morton.levelOffset(3));
  }
}
