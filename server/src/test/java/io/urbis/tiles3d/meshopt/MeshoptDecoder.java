package io.urbis.tiles3d.meshopt;

/**
 * Decodes EXT_meshopt_compression buffer views: a second implementation, written from the bitstream description of
 * the extension's Appendix A rather than from this package's encoders, so that each checks the other. Strict rather
 * than fast: anything but exactly one well-formed stream of {@code count} elements (a wrong header byte, a stream
 * that ends early or has bytes left over, a reference to an index never seen, an index too large for its size) is an
 * {@link IllegalArgumentException}. Filters (Appendix B) are not supported.
 */
public final class MeshoptDecoder {

  private static final int MAX_ATTRIBUTE_STRIDE = 256;

  private MeshoptDecoder() {}

  /** The decoded view, as the extension object's {@code mode}, {@code count} and {@code byteStride} describe it. */
  public static byte[] decode(MeshoptMode mode, byte[] data, int count, int byteStride) {
    return switch (mode) {
      case ATTRIBUTES -> decodeAttributes(data, count, byteStride);
      case TRIANGLES -> decodeTriangles(data, count, byteStride);
      case INDICES -> decodeIndices(data, count, byteStride);
    };
  }

  /** Mode 0: {@code count} elements of {@code byteStride} bytes (a multiple of 4 up to 256). */
  public static byte[] decodeAttributes(byte[] data, int count, int byteStride) {
    if (byteStride <= 0 || byteStride % 4 != 0 || byteStride > MAX_ATTRIBUTE_STRIDE) {
      throw new IllegalArgumentException("attribute byteStride " + byteStride + " is not a multiple of 4 up to 256");
    }
    checkLength(count, byteStride);
    return AttributeBitstream.decode(data, count, byteStride);
  }

  /** Mode 1: a triangle list of {@code count} indices, little-endian, of {@code indexByteStride} (2 or 4) bytes. */
  public static byte[] decodeTriangles(byte[] data, int count, int indexByteStride) {
    checkIndexStride(indexByteStride);
    checkLength(count, indexByteStride);
    if (count % 3 != 0) {
      throw new IllegalArgumentException("a triangle list of " + count + " indices");
    }
    return TriangleBitstream.decode(data, count, indexByteStride);
  }

  /** Mode 2: {@code count} indices, little-endian, of {@code indexByteStride} (2 or 4) bytes. */
  public static byte[] decodeIndices(byte[] data, int count, int indexByteStride) {
    checkIndexStride(indexByteStride);
    checkLength(count, indexByteStride);
    return IndexBitstream.decode(data, count, indexByteStride);
  }

  private static void checkIndexStride(int indexByteStride) {
    if (indexByteStride != 2 && indexByteStride != 4) {
      throw new IllegalArgumentException("index byteStride " + indexByteStride + " is neither 2 nor 4");
    }
  }

  private static void checkLength(int count, int byteStride) {
    if (count < 0 || (long) count * byteStride > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(count + " elements of " + byteStride + " bytes do not fit an array");
    }
  }
}
