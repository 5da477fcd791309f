package io.urbis.tiles3d.meshopt;

import java.util.Arrays;

/** The triangle codec's 16 most recently pushed vertices; starts with none (-1 is never an index). */
final class VertexFifo {

  private final int[] entries = new int[16];
  private int head;

  VertexFifo() {
    Arrays.fill(entries, -1);
  }

  /** How many pushes ago {@code vertex} was pushed, 0 for the latest, or -1 when it is not among the 16. */
  int age(int vertex) {
    for (int age = 0; age < entries.length; age++) {
      if (entries[(head - 1 - age) & 15] == vertex) {
        return age;
      }
    }
    return -1;
  }

  void push(int vertex) {
    entries[head] = vertex;
    head = (head + 1) & 15;
  }
}
