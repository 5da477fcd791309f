package io.urbis.tiles3d.meshopt;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The 16-byte table that ends a triangle stream: codes 0xF0 to 0xFD name its first 14 entries, each a pair of
 * 4-bit vertex references (high nibble for the second vertex, low for the third) of a triangle that starts with the
 * next new vertex, so those triangles take one byte instead of two. Built from the stream's own pair frequencies.
 */
final class CodeAuxTable {

  private static final int SLOTS = 14;

  private final byte[] entries = new byte[16];
  private final int[] slots = new int[256];

  /**
   * The table of the most frequent pairs in {@code counts} (indexed by pair). Entry 0 is always 0x00 (three new
   * vertices): a triangle code 0xFE followed by a 0x00 byte would tell the decoder to restart its vertex numbering.
   * Pairs with a 0xF nibble (an explicitly stored index) may not be in the table; the last two entries stay 0.
   */
  CodeAuxTable(int[] counts) {
    int[] ranked = IntStream.range(1, 256).filter(pair -> counts[pair] > 0 && (pair & 0x0F) != 0x0F && pair < 0xF0)
        .boxed().sorted(Comparator.comparingInt((Integer pair) -> -counts[pair]).thenComparingInt(pair -> pair))
        .limit(SLOTS - 1).mapToInt(Integer::intValue).toArray();
    Arrays.fill(slots, -1);
    slots[0] = 0;
    for (int i = 0; i < ranked.length; i++) {
      entries[i + 1] = (byte) ranked[i];
      slots[ranked[i]] = i + 1;
    }
  }

  /** The entry holding {@code pair}, or -1 when the pair must be written as a byte of its own. */
  int slot(int pair) {
    return slots[pair];
  }

  byte[] bytes() {
    return entries.clone();
  }
}
