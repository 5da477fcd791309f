package io.urbis.tiles3d.meshopt;

import java.util.Arrays;

/**
 * Mode 0 (header 0xa0, bitstream version 0): each byte of an element as the zigzag delta from the same byte of the
 * element before, the first element's from a baseline element in the tail. Elements come in blocks; within a block
 * each byte position has its own data block of deltas, in groups of 16 elements of 0, 2, 4 or 8 bits a delta.
 */
final class AttributeBitstream {

  private static final int HEADER = 0xA0;
  private static final int MIN_TAIL_LENGTH = 32;
  private static final int GROUP_SIZE = 16;
  private static final int MAX_BLOCK_BYTES = 8192;
  private static final int MAX_BLOCK_ELEMENTS = 256;

  private AttributeBitstream() {}

  static byte[] decode(byte[] data, int count, int byteStride) {
    ByteCursor blocks = ByteCursor.afterHeader(data, HEADER, Math.max(MIN_TAIL_LENGTH, byteStride), "attributes");
    // the tail ends with the baseline element; any padding comes before it
    byte[] previous = Arrays.copyOfRange(data, data.length - byteStride, data.length);
    int blockElements = Math.min(MAX_BLOCK_BYTES / byteStride & -GROUP_SIZE, MAX_BLOCK_ELEMENTS);
    byte[] out = new byte[count * byteStride];
    for (int first = 0; first < count; first += blockElements) {
      int elements = Math.min(count - first, blockElements);
      byte[][] deltas = new byte[byteStride][];
      for (int k = 0; k < byteStride; k++) {
        deltas[k] = dataBlock(blocks, (elements + GROUP_SIZE - 1) / GROUP_SIZE);
      }
      for (int e = 0; e < elements; e++) {
        for (int k = 0; k < byteStride; k++) {
          previous[k] += (byte) Zigzag.decode(deltas[k][e] & 0xFF);
          out[(first + e) * byteStride + k] = previous[k];
        }
      }
    }
    blocks.expectConsumed();
    return out;
  }

  /** One byte position's deltas in a block: 2 header bits a group, low bits first, then each group's deltas. */
  private static byte[] dataBlock(ByteCursor in, int groups) {
    byte[] header = in.next((groups + 3) / 4);
    byte[] deltas = new byte[groups * GROUP_SIZE];
    for (int g = 0; g < groups; g++) {
      switch (header[g / 4] >>> (2 * (g % 4)) & 3) {
        case 0 -> { } // all 16 deltas are 0
        case 1 -> sentinelDeltas(in, 2, deltas, g * GROUP_SIZE);
        case 2 -> sentinelDeltas(in, 4, deltas, g * GROUP_SIZE);
        default -> System.arraycopy(in.next(GROUP_SIZE), 0, deltas, g * GROUP_SIZE, GROUP_SIZE);
      }
    }
    return deltas;
  }

  /**
   * 16 deltas of {@code bits} bits each, the first in the most significant bits of a byte; a delta of all ones is a
   * sentinel: the real delta follows, a whole byte, after the group's packed bits.
   */
  private static void sentinelDeltas(ByteCursor in, int bits, byte[] deltas, int offset) {
    byte[] packed = in.next(GROUP_SIZE * bits / 8);
    int perByte = 8 / bits;
    int sentinel = (1 << bits) - 1;
    for (int i = 0; i < GROUP_SIZE; i++) {
      int delta = packed[i / perByte] >>> (8 - bits * (i % perByte + 1)) & sentinel;
      deltas[offset + i] = (byte) (delta == sentinel ? in.next() : delta);
    }
  }
}
