package io.urbis.tiles3d.meshopt;

/**
 * A compressed buffer view and what its EXT_meshopt_compression object states besides where the bytes are:
 * {@code mode}, {@code filter}, {@code count} and {@code byteStride}. The parent bufferView is
 * {@link #byteLength()} long.
 */
public record MeshoptView(MeshoptMode mode, MeshoptFilter filter, int count, int byteStride, byte[] data) {

  /**
   * {@code count} elements of 32-bit exponential-filter input ({@link MeshoptFilter#EXPONENTIAL}), in attribute
   * mode: they decode to float32 values.
   */
  public static MeshoptView exponential(byte[] filterInput, int count, int byteStride) {
    return new MeshoptView(MeshoptMode.ATTRIBUTES, MeshoptFilter.EXPONENTIAL, count, byteStride,
        MeshoptAttributes.encode(filterInput, count, byteStride));
  }

  /** {@code count} elements of {@code byteStride} bytes (a multiple of 4 up to 256), in attribute mode. */
  public static MeshoptView attributes(byte[] elements, int count, int byteStride) {
    return new MeshoptView(MeshoptMode.ATTRIBUTES, MeshoptFilter.NONE, count, byteStride,
        MeshoptAttributes.encode(elements, count, byteStride));
  }

  /** A triangle list stored as unsigned shorts ({@code indexByteStride} 2) or ints (4), in triangles mode. */
  public static MeshoptView triangles(int[] indices, int vertexCount, int indexByteStride) {
    checkIndexStride(vertexCount, indexByteStride);
    return new MeshoptView(MeshoptMode.TRIANGLES, MeshoptFilter.NONE, indices.length, indexByteStride,
        MeshoptTriangles.encode(indices, vertexCount));
  }

  /** Any index sequence stored as unsigned shorts ({@code indexByteStride} 2) or ints (4), in indices mode. */
  public static MeshoptView indices(int[] indices, int vertexCount, int indexByteStride) {
    checkIndexStride(vertexCount, indexByteStride);
    return new MeshoptView(MeshoptMode.INDICES, MeshoptFilter.NONE, indices.length, indexByteStride,
        MeshoptIndices.encode(indices, vertexCount));
  }

  /** The uncompressed length: the parent bufferView's {@code byteLength}. */
  public int byteLength() {
    return count * byteStride;
  }

  private static void checkIndexStride(int vertexCount, int indexByteStride) {
    if (indexByteStride != 2 && indexByteStride != 4 || indexByteStride == 2 && vertexCount > 65536) {
      throw new IllegalArgumentException(vertexCount + " vertices cannot have " + indexByteStride + "-byte indices");
    }
  }
}
