package io.urbis.tiles3d.meshopt;

/**
 * The triangle codec's FIFOs: the last 16 entries pushed (vertices, or edges of two indices), read by age, 0 the
 * newest. The spec leaves entries never pushed undefined; reading one is an error here.
 */
final class RecentIndices {

  private static final int CAPACITY = 16;

  private final int[][] entries = new int[CAPACITY][];
  private final String what;
  private int newest = -1;
  private int size;

  RecentIndices(String what) {
    this.what = what;
  }

  void push(int... entry) {
    newest = (newest + 1) % CAPACITY;
    entries[newest] = entry;
    size = Math.min(size + 1, CAPACITY);
  }

  int[] entry(int age) {
    if (age >= size) {
      throw new IllegalArgumentException("triangles stream reads " + what + " FIFO entry " + age + " of only " + size);
    }
    return entries[(newest - age + CAPACITY) % CAPACITY];
  }

  /** The vertex of a vertex FIFO entry. */
  int index(int age) {
    return entry(age)[0];
  }
}
