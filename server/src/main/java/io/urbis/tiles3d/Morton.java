package io.urbis.tiles3d;

/** Z-order (Morton) indices, the order in which implicit tiling stores the tiles of one level of a subtree. */
public final class Morton {

  private Morton() {}

  /** The bits of x and y interleaved, x in the even (lower) positions. */
  public static long index(long x, long y) {
    return spread(x) | (spread(y) << 1);
  }

  /** The number of tiles on the levels above {@code level} of a quadtree: (4^level - 1) / 3. */
  public static long levelOffset(int level) {
    return ((1L << (2 * level)) - 1) / 3;
  }

  /** Spreads the lower 32 bits of {@code v} to the even bit positions. */
  private static long spread(long v) {
    long x = v & 0xFFFFFFFFL;
    x = (x | (x << 16)) & 0x0000FFFF0000FFFFL;
    x = (x | (x << 8)) & 0x00FF00FF00FF00FFL;
    x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0FL;
    x = (x | (x << 2)) & 0x3333333333333333L;
    x = (x | (x << 1)) & 0x5555555555555555L;
    return x;
  }
}
