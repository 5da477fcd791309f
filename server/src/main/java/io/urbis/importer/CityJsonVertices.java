package io.urbis.importer;

import java.util.Arrays;

/**
 * The shared vertex list of a CityJSON file: integers as the file stores them (CityJSON 1.1 and 2.0 always
 * quantise), turned into coordinates with the {@code transform} only when a ring is built. Three ints per vertex
 * instead of a tree of JSON nodes: millions of vertices fit.
 */
final class CityJsonVertices {

  private double[] scale = {1, 1, 1};
  private double[] translate = {0, 0, 0};
  private int[] values = new int[3 * 1024];
  private int length;

  /** Sets the transform, which the file may give before or after the vertices. */
  void transform(double[] newScale, double[] newTranslate) {
    this.scale = newScale.clone();
    this.translate = newTranslate.clone();
  }

  /** An empty list with this one's transform: a CityJSONSeq feature brings its own vertices. */
  CityJsonVertices emptyCopy() {
    CityJsonVertices copy = new CityJsonVertices();
    copy.transform(scale, translate);
    return copy;
  }

  void add(int x, int y, int z) {
    if (length + 3 > values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[length++] = x;
    values[length++] = y;
    values[length++] = z;
  }

  int count() {
    return length / 3;
  }

  /** Writes vertex {@code index}'s real-world x, y, z into {@code target} at {@code offset}. */
  void copyTo(int index, double[] target, int offset) {
    if (index < 0 || index >= count()) {
      throw new BadVertexIndexException(index, count());
    }
    for (int axis = 0; axis < 3; axis++) {
      target[offset + axis] = values[index * 3 + axis] * scale[axis] + translate[axis];
    }
  }

  /** A boundary names a vertex the file does not have: that object is skipped, the rest goes on. */
  static final class BadVertexIndexException extends RuntimeException {
    BadVertexIndexException(int index, int count) {
      super("vertex index " + index + " not in 0.." + (count - 1));
    }
  }
}
