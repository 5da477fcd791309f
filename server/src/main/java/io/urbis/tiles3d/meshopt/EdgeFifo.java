package io.urbis.tiles3d.meshopt;

import java.util.Arrays;

/** The triangle codec's 16 most recently pushed directed edges; starts with none (-1 is never an index). */
final class EdgeFifo {

  private final int[] from = new int[16];
  private final int[] to = new int[16];
  private int head;

  EdgeFifo() {
    Arrays.fill(from, -1);
    Arrays.fill(to, -1);
  }

  /**
   * The most recent edge that triangle (a, b, c) has in the same direction, as its age (0 for the latest push) times
   * 4 plus which of the triangle's edges it is: 0 for (a, b), 1 for (b, c), 2 for (c, a); -1 when there is none.
   */
  int find(int a, int b, int c) {
    for (int age = 0; age < from.length; age++) {
      int slot = (head - 1 - age) & 15;
      int edge = edgeOf(from[slot], to[slot], a, b, c);
      if (edge >= 0) {
        return age << 2 | edge;
      }
    }
    return -1;
  }

  private static int edgeOf(int first, int second, int a, int b, int c) {
    if (first == a && second == b) {
      return 0;
    }
    if (first == b && second == c) {
      return 1;
    }
    return first == c && second == a ? 2 : -1;
  }

  void push(int first, int second) {
    from[head] = first;
    to[head] = second;
    head = (head + 1) & 15;
  }
}
