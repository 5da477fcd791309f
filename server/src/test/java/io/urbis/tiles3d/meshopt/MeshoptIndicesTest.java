package io.urbis.tiles3d.meshopt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MeshoptIndicesTest {

  @Test
  void deltasCarryTheirBaselineInTheLowestBitAndAFourByteTailFollows() {
    byte[] encoded = MeshoptIndices.encode(new int[] {0, 1, 2, 100, 3, 101}, 102);
    // 0: +0 on baseline 0; 1, 2: +1 on 0 (zigzag 2, shifted 4); 100: +98 on 0 (1 is farther), then 3 is nearer
    // baseline 1 (0): +3 (12 | 1), and 101 is +1 on baseline 0 (4)
    byte[] expected = {(byte) 0xD1, 0, 4, 4, (byte) 0x88, 0x03, 13, 4, 0, 0, 0, 0};
    assertArrayEquals(expected, encoded);
  }

  @Test
  void refusesIndicesOutsideTheVertices() {
    assertThrows(IllegalArgumentException.class, () -> MeshoptIndices.encode(new int[] {0, 5}, 5));
    assertThrows(IllegalArgumentException.class, () -> MeshoptIndices.encode(new int[] {0}, (1 << 30) + 1));
  }
}
