package io.urbis.tiles;

import java.nio.file.Path;

/**
 * What the tile resources take from the configuration.
 *
 * @param cacheControl the {@code Cache-Control} header of tiles and tile metadata
 * @param properties the properties per collection and zoom
 * @param cacheBytes how many bytes of built tiles the memory cache keeps
 * @param cacheDirectory where built tiles are kept on disk, or null
 * @param budget how big a vector tile may get, and how one is reduced to fit
 */
public record TileSettings(String cacheControl, TileProperties properties, long cacheBytes, Path cacheDirectory,
    TileBudget budget) {

  public static final long DEFAULT_CACHE_BYTES = 128L << 20;
  public static final TileSettings DEFAULTS = new TileSettings("max-age=60", TileProperties.ALL,
      DEFAULT_CACHE_BYTES, null);

  /** Settings with the default tile budget. */
  public TileSettings(String cacheControl, TileProperties properties, long cacheBytes, Path cacheDirectory) {
    this(cacheControl, properties, cacheBytes, cacheDirectory, TileBudget.DEFAULT);
  }
}
