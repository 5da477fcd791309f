package io.urbis.tiles3d.meshopt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MeshoptTrianglesTest {

  @Test
  void aQuadIsThreeNewVerticesThenAnEdgeAndTheNextVertex() {
    byte[] encoded = MeshoptTriangles.encode(new int[] {0, 1, 2, 2, 1, 3}, 4);
    // 0xF0: table entry 0, (new, new) after a new first vertex; 0x10: the edge pushed 1 edge ago, (2, 1), and next
    byte[] expected = new byte[3 + 16];
    expected[0] = (byte) 0xE1;
    expected[1] = (byte) 0xF0;
    expected[2] = 0x10;
    assertArrayEquals(expected, encoded);
  }

  @Test
  void explicitIndicesAreZigzagVarintDeltasFromTheLastOne() {
    byte[] encoded = MeshoptTriangles.encode(new int[] {200, 100, 300}, 301);
    // none is next (0): code 0xFF, pair byte 0xFF (both explicit), then +200, -100, +200 as zigzag varints
    byte[] data = Arrays.copyOfRange(encoded, 2, encoded.length - 16);
    assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0x90, 0x03, (byte) 0xC7, 0x01, (byte) 0x90, 0x03}, data);
    assertEquals((byte) 0xFF, encoded[1]);
  }

  @Test
  void theTableHasNoExplicitNibbleAndEndsInTwoZeros() {
    Random random = new Random(3);
    byte[] encoded = MeshoptTriangles.encode(MeshoptSamples.randomTriangles(random, 2000, 300), 300);
    byte[] table = Arrays.copyOfRange(encoded, encoded.length - 16, encoded.length);
    assertEquals(0, table[0]);
    assertEquals(0, table[14]);
    assertEquals(0, table[15]);
    for (byte entry : table) {
      assertNotEquals(0xF0, entry & 0xF0);
      assertNotEquals(0x0F, entry & 0x0F);
    }
  }

  @Test
  void aGridTakesAboutAByteATriangle() {
    int[] grid = MeshoptSamples.gridTriangles(60, 60);
    int triangles = grid.length / 3;
    assertTrue(MeshoptTriangles.encode(grid, 61 * 61).length < triangles * 1.2, "grid");
    int[] boxes = MeshoptSamples.boxTriangles(200);
    // each box starts with corners out of first-use order (0, 2, 1), which costs explicit indices
    assertTrue(MeshoptTriangles.encode(boxes, 1600).length < boxes.length / 3 * 2, "boxes");
  }

  @Test
  void refusesIndicesOutsideTheVerticesAndIncompleteTriangles() {
    assertThrows(IllegalArgumentException.class, () -> MeshoptTriangles.encode(new int[] {0, 1, 4}, 4));
    assertThrows(IllegalArgumentException.class, () -> MeshoptTriangles.encode(new int[] {0, -1, 2}, 4));
    assertThrows(IllegalArgumentException.class, () -> MeshoptTriangles.encode(new int[] {0, 1}, 4));
  }
}
