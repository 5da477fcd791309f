package io.urbis.tiles;

/**
 * The order in which features of equal size are kept when a tile is thinned: a hash of the feature id that scatters
 * neighbours (ids often follow the data's order, so keeping the lowest ids would thin one side of a cell), and is
 * cheap in SQL too. Chris Wellons' 32-bit integer hash of the id's lower 32 bits; PostgisTileSql spells the same
 * arithmetic on bigint.
 */
public final class TileHash {

  private static final long LOW_32_BITS = 0xFFFFFFFFL;
  private static final long MULTIPLIER = 0x45d9f3bL;

  private TileHash() {}

  public static long of(long id) {
    long x = id & LOW_32_BITS;
    x = ((x >>> 16) ^ x) * MULTIPLIER & LOW_32_BITS;
    x = ((x >>> 16) ^ x) * MULTIPLIER & LOW_32_BITS;
    return (x >>> 16) ^ x;
  }
}
