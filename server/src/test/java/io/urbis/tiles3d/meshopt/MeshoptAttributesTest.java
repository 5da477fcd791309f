package io.urbis.tiles3d.meshopt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MeshoptAttributesTest {

  @Test
  void aGroupOfSmallDeltasWithTwoLargeOnesIsTheSpecificationsFourBitExample() {
    // the specification's example deltas, of byte 0 of a second block's 16 elements of 4 bytes
    int[] deltas = {-1, -4, -3, 26, -91, 0, -6, 6, -4, -4, 5, -5, 1, -1, 0, 0};
    byte[] vertices = new byte[272 * 4];
    for (int i = 0; i < 256; i++) {
      vertices[i * 4] = 100;
    }
    for (int i = 0; i < 16; i++) {
      vertices[(256 + i) * 4] = (byte) (vertices[(255 + i) * 4] + deltas[i]);
    }
    byte[] encoded = MeshoptAttributes.encode(vertices, 272, 4);

    byte[] expected = new byte[1 + 16 + 14 + 32];
    expected[0] = (byte) 0xA0;
    // the first block is 4 data blocks of 4 header bytes of code 0 (all deltas 0), the second block's byte 0 is
    // header code 2 (4 bits) and the example's bytes, its bytes 1 to 3 a header byte of code 0 each
    int[] secondBlock = {0x02, 0x17, 0x5f, 0xf0, 0xbc, 0x77, 0xa9, 0x21, 0x00, 0x34, 0xb5, 0, 0, 0};
    for (int i = 0; i < secondBlock.length; i++) {
      expected[17 + i] = (byte) secondBlock[i];
    }
    expected[expected.length - 4] = 100;
    assertArrayEquals(expected, encoded);
  }

  @Test
  void theTailIsTheFirstElementPaddedInFrontTo32BytesOrTheElementAlone() {
    byte[] vertices = MeshoptSamples.random(new Random(1), 40, 48);
    byte[] small = MeshoptAttributes.encode(vertices, 40 * 48 / 12, 12);
    assertArrayEquals(new byte[20], Arrays.copyOfRange(small, small.length - 32, small.length - 12));
    assertArrayEquals(Arrays.copyOf(vertices, 12), Arrays.copyOfRange(small, small.length - 12, small.length));
    byte[] wide = MeshoptAttributes.encode(vertices, 40, 48);
    assertArrayEquals(Arrays.copyOf(vertices, 48), Arrays.copyOfRange(wide, wide.length - 48, wide.length));
  }

  @Test
  void constantElementsCostOnlyTheirHeaderBytesAndTheTail() {
    byte[] vertices = new byte[300 * 12];
    Arrays.fill(vertices, (byte) 7);
    // 256 elements: 16 groups, 4 header bytes; 44 elements: 3 groups, 1 header byte; for each of 12 bytes
    assertEquals(1 + 12 * 4 + 12 * 1 + 32, MeshoptAttributes.encode(vertices, 300, 12).length);
    assertEquals(1 + 4 + 32, MeshoptAttributes.encode(vertices, 1, 4).length);
  }

  @Test
  void smoothQuantizedPositionsAndFeatureIdsShrinkToWellUnderTheirSize() {
    byte[] grid = MeshoptSamples.gridPositions(80, 80);
    assertTrue(ratio(grid, MeshoptAttributes.encode(grid, 81 * 81, 8)) < 0.4);
    byte[] ids = MeshoptSamples.featureIds(500, 24, 2);
    assertTrue(ratio(ids, MeshoptAttributes.encode(ids, 500 * 24, 4)) < 0.15);
  }

  @Test
  void randomBytesGrowOnlyByTheHeadersAndTail() {
    byte[] vertices = MeshoptSamples.random(new Random(2), 4096, 16);
    int headers = 16 * 16 * 4; // 16 blocks of 256 elements, 4 header bytes per byte position
    assertTrue(MeshoptAttributes.encode(vertices, 4096, 16).length <= vertices.length + headers + 1 + 32);
  }

  @Test
  void refusesStridesTheExtensionDoesNotAllowAndTooFewBytes() {
    assertThrows(IllegalArgumentException.class, () -> MeshoptAttributes.encode(new byte[60], 10, 6));
    assertThrows(IllegalArgumentException.class, () -> MeshoptAttributes.encode(new byte[2600], 10, 260));
    assertThrows(IllegalArgumentException.class, () -> MeshoptAttributes.encode(new byte[60], 10, 8));
  }

  private static double ratio(byte[] raw, byte[] encoded) {
    return (double) encoded.length / raw.length;
  }
}
