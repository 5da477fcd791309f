package io.urbis.tiles3d.meshopt;

/**
 * Mode 2 (header 0xd1): each index a varint whose low bit picks one of two baselines and whose other bits are the
 * zigzag delta from it; the index becomes that baseline's new value. A 4-byte reserved tail follows.
 */
final class IndexBitstream {

  private static final int HEADER = 0xD1;
  private static final int TAIL_LENGTH = 4;

  private IndexBitstream() {}

  static byte[] decode(byte[] data, int count, int byteStride) {
    ByteCursor deltas = ByteCursor.afterHeader(data, HEADER, TAIL_LENGTH, "indices");
    int[] baselines = new int[2];
    DecodedIndices out = new DecodedIndices(count, byteStride);
    for (int i = 0; i < count; i++) {
      int code = deltas.varint();
      int baseline = code & 1;
      baselines[baseline] += Zigzag.decode(code >>> 1);
      out.add(baselines[baseline]);
    }
    deltas.expectConsumed();
    return out.bytes();
  }
}
