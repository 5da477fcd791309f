package io.urbis.tiles3d.meshopt;

/**
 * Writes one "data block" of the attribute codec: the zigzagged byte deltas of one byte position in groups of 16,
 * each group in the cheapest of the four encodings its 2-bit header code names (bitstream version 0).
 */
final class DeltaGroups {

  static final int GROUP_SIZE = 16;

  /** Bits per delta of header codes 0 to 3; 0 means all deltas are 0, 8 means bytes stored as they are. */
  private static final int[] BITS = {0, 2, 4, 8};

  private DeltaGroups() {}

  /** Writes the header bits of {@code groups} groups of {@code deltas} (zigzagged), then each group. */
  static void write(ByteOutput out, byte[] deltas, int groups) {
    int header = out.size();
    for (int i = 0; i < (groups + 3) / 4; i++) {
      out.put(0);
    }
    for (int group = 0; group < groups; group++) {
      int offset = group * GROUP_SIZE;
      int code = cheapestCode(deltas, offset);
      out.or(header + group / 4, code << (group % 4 * 2));
      writeGroup(out, deltas, offset, BITS[code]);
    }
  }

  /** The header code of the smallest encoding of the group, on a tie the narrower one. */
  private static int cheapestCode(byte[] deltas, int offset) {
    int best = 0;
    int bestSize = Integer.MAX_VALUE;
    for (int code = 0; code < BITS.length; code++) {
      int size = size(deltas, offset, BITS[code]);
      if (size < bestSize) {
        best = code;
        bestSize = size;
      }
    }
    return best;
  }

  private static int size(byte[] deltas, int offset, int bits) {
    if (bits == 8) {
      return GROUP_SIZE;
    }
    // deltas at or above the sentinel cost a byte each; with 0 bits any delta but 0 rules the encoding out
    int sentinel = Math.max((1 << bits) - 1, 1);
    int escaped = 0;
    for (int i = 0; i < GROUP_SIZE; i++) {
      if ((deltas[offset + i] & 0xFF) >= sentinel) {
        escaped++;
      }
    }
    if (bits == 0) {
      return escaped == 0 ? 0 : Integer.MAX_VALUE;
    }
    return GROUP_SIZE * bits / 8 + escaped;
  }

  /**
   * Packs the deltas most significant bits first, a sentinel (all ones) standing for each delta that does not fit,
   * and appends those deltas as whole bytes.
   */
  private static void writeGroup(ByteOutput out, byte[] deltas, int offset, int bits) {
    if (bits == 0) {
      return;
    }
    if (bits == 8) {
      out.put(deltas, offset, GROUP_SIZE);
      return;
    }
    int sentinel = (1 << bits) - 1;
    int perByte = 8 / bits;
    for (int i = 0; i < GROUP_SIZE; i += perByte) {
      int packed = 0;
      for (int k = 0; k < perByte; k++) {
        packed = (packed << bits) | Math.min(deltas[offset + i + k] & 0xFF, sentinel);
      }
      out.put(packed);
    }
    for (int i = 0; i < GROUP_SIZE; i++) {
      if ((deltas[offset + i] & 0xFF) >= sentinel) {
        out.put(deltas[offset + i]);
      }
    }
  }
}
