package io.urbis.tiles3d.meshopt;

/** Checks the indices given to the index encoders. */
final class IndexRange {

  private IndexRange() {}

  /** Throws unless every index is at least 0 and less than {@code vertexCount}. */
  static void check(int[] indices, int vertexCount) {
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] < 0 || indices[i] >= vertexCount) {
        throw new IllegalArgumentException("index " + i + " is " + indices[i] + ", not in [0, " + vertexCount + ")");
      }
    }
  }
}
