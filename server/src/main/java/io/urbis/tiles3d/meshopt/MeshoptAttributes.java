package io.urbis.tiles3d.meshopt;

import java.util.Arrays;

/**
 * EXT_meshopt_compression mode 0, "ATTRIBUTES", bitstream version 0: elements are delta-coded byte by byte against
 * the previous element, in blocks of at most 256 elements whose bytes are stored deinterleaved, one data block per
 * byte position. Compresses well when consecutive elements are close, as quantized positions in vertex-cache order
 * and feature ids are.
 */
public final class MeshoptAttributes {

  static final int HEADER = 0xA0;
  /** The tail holds the first element, zero-padded in front to at least this many bytes. */
  static final int MIN_TAIL = 32;
  private static final int BLOCK_BYTES = 8192;
  private static final int MAX_BLOCK_ELEMENTS = 256;
  private static final int MAX_STRIDE = 256;

  private MeshoptAttributes() {}

  /**
   * The compressed bytes of {@code count} elements of {@code byteStride} bytes each, the first
   * {@code count * byteStride} bytes of {@code vertices}; {@code byteStride} is a multiple of 4 up to 256.
   */
  public static byte[] encode(byte[] vertices, int count, int byteStride) {
    if (byteStride <= 0 || byteStride % 4 != 0 || byteStride > MAX_STRIDE) {
      throw new IllegalArgumentException("byteStride must be a multiple of 4 up to 256: " + byteStride);
    }
    if (count < 0 || (long) count * byteStride > vertices.length) {
      throw new IllegalArgumentException(count + " elements of " + byteStride + " bytes exceed " + vertices.length);
    }
    ByteOutput out = new ByteOutput(count * byteStride / 2 + MIN_TAIL + 1);
    out.put(HEADER);
    int blockElements = Math.min((BLOCK_BYTES / byteStride) & -DeltaGroups.GROUP_SIZE, MAX_BLOCK_ELEMENTS);
    byte[] deltas = new byte[MAX_BLOCK_ELEMENTS];
    for (int first = 0; first < count; first += blockElements) {
      int elements = Math.min(blockElements, count - first);
      int groups = (elements + DeltaGroups.GROUP_SIZE - 1) / DeltaGroups.GROUP_SIZE;
      for (int k = 0; k < byteStride; k++) {
        byteDeltas(vertices, byteStride, first, elements, k, deltas);
        DeltaGroups.write(out, deltas, groups);
      }
    }
    for (int i = byteStride; i < MIN_TAIL; i++) {
      out.put(0);
    }
    for (int k = 0; k < byteStride; k++) {
      out.put(count == 0 ? 0 : vertices[k]);
    }
    return out.toByteArray();
  }

  /**
   * The zigzagged deltas of byte {@code k} of the block's elements, each against the previous element (the first
   * element against itself, the baseline stored in the tail); the rest of the last group is zeros.
   */
  private static void byteDeltas(byte[] vertices, int stride, int first, int elements, int k, byte[] deltas) {
    Arrays.fill(deltas, (byte) 0);
    for (int i = 0; i < elements; i++) {
      int element = first + i;
      int delta = (byte) (vertices[element * stride + k] - vertices[Math.max(element - 1, 0) * stride + k]);
      deltas[i] = (byte) ByteOutput.zigzag(delta);
    }
  }
}
