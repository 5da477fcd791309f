package io.urbis.tiles3d.meshopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

/**
 * Compares triangle lists as the triangle codec keeps them: each triangle may come back rotated, (b, c, a) for
 * (a, b, c), which keeps its winding; order and everything else must match.
 */
public final class TriangleAssertions {

  private TriangleAssertions() {}

  public static void assertSameTriangles(int[] expected, int[] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": number of indices");
    for (int i = 0; i < expected.length; i += 3) {
      int[] got = Arrays.copyOfRange(actual, i, i + 3);
      if (!isRotationOf(Arrays.copyOfRange(expected, i, i + 3), got)) {
        fail(what + ": triangle " + i / 3 + " is " + Arrays.toString(got) + " instead of "
            + Arrays.toString(Arrays.copyOfRange(expected, i, i + 3)));
      }
    }
  }

  private static boolean isRotationOf(int[] triangle, int[] candidate) {
    for (int shift = 0; shift < 3; shift++) {
      if (candidate[0] == triangle[shift] && candidate[1] == triangle[(shift + 1) % 3]
          && candidate[2] == triangle[(shift + 2) % 3]) {
        return true;
      }
    }
    return false;
  }
}
