package io.urbis.tiles3d;

/**
 * One tile of the implicit quadtree: {@code level} 0 is the root; {@code x} grows east and {@code y} north, as
 * 3D Tiles numbers the tiles of a region.
 */
public record TileId(int level, long x, long y) {

  public static final TileId ROOT = new TileId(0, 0, 0);

  public TileId parent() {
    return new TileId(level - 1, x >> 1, y >> 1);
  }

  /** The tile {@code levels} below this one at offset ({@code dx}, {@code dy}) among its descendants there. */
  public TileId descendant(int levels, long dx, long dy) {
    return new TileId(level + levels, (x << levels) + dx, (y << levels) + dy);
  }

  /** Whether x and y lie within the 2^level by 2^level tiles of the level. */
  public boolean isWithinLevel() {
    long size = 1L << level;
    return level >= 0 && x >= 0 && y >= 0 && x < size && y < size;
  }
}
