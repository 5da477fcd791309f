package io.urbis.tiles3d.meshopt;

/**
 * EXT_meshopt_compression mode 2, "INDICES" (header 0xD1): any index sequence (strips, lines, sparse indices) as
 * varint deltas. Each delta is from one of two baselines, the last index coded against it, which keeps two
 * interleaved runs cheap. Less compact than {@link MeshoptTriangles} for triangle lists.
 */
public final class MeshoptIndices {

  static final int HEADER = 0xD1;
  /** A delta and its baseline bit must fit 32 bits, so indices stay below 2^30. */
  static final int MAX_VERTEX_COUNT = 1 << 30;
  private static final int TAIL = 4;

  private MeshoptIndices() {}

  /** The compressed sequence; every index is at least 0 and less than {@code vertexCount} (at most 2^30). */
  public static byte[] encode(int[] indices, int vertexCount) {
    if (vertexCount > MAX_VERTEX_COUNT) {
      throw new IllegalArgumentException("at most 2^30 vertices: " + vertexCount);
    }
    IndexRange.check(indices, vertexCount);
    ByteOutput out = new ByteOutput(1 + indices.length + TAIL);
    out.put(HEADER);
    int[] baselines = new int[2];
    for (int index : indices) {
      // the nearer baseline: the other then stays where a second interleaved run left it
      int baseline = Math.abs(index - baselines[1]) < Math.abs(index - baselines[0]) ? 1 : 0;
      out.putVarint(ByteOutput.zigzag(index - baselines[baseline]) << 1 | baseline);
      baselines[baseline] = index;
    }
    for (int i = 0; i < TAIL; i++) {
      out.put(0);
    }
    return out.toByteArray();
  }
}
