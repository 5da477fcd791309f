package io.urbis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.urbis.tiles.TileBudget;
import io.urbis.tiles.TileSettings;
import java.util.List;
import java.util.Map;

/**
 * The {@code tiles} key of the configuration; every member optional.
 *
 * @param cacheControl the {@code Cache-Control} header of tiles, e.g. {@code max-age=60}
 * @param properties per collection id, from which zoom level (tile matrix number) on which properties the tiles
 *     carry, e.g. {@code buildings: {0: [function], 15: [function, height_m]}}; a collection not listed carries all
 *     of its properties at every zoom
 * @param cacheBytes how many bytes of built tiles the memory cache keeps (default 128 MiB)
 * @param cacheDirectory where built vector and 3D tiles are kept on disk and {@code urbis seed} puts them; none by
 *     default
 * @param maxTileBytes the most bytes a vector tile may take, all its layers together (default 500,000); bigger ones
 *     are reduced until they fit
 * @param minimumSizeInPixels in a reduced tile, lines shorter and polygons smaller than a square of this many pixels
 *     are small (default 1)
 * @param mergeSmallPolygons whether a reduced tile merges small polygons, and polygons thinned out, into blocks of
 *     their area (default true) rather than leaving them out
 */
public record TilesConfig(
    @JsonProperty("cacheControl") String cacheControl,
    @JsonProperty("properties") Map<String, Map<Integer, List<String>>> properties,
    @JsonProperty("cacheBytes") Long cacheBytes,
    @JsonProperty("cacheDirectory") String cacheDirectory,
    @JsonProperty("maxTileBytes") Long maxTileBytes,
    @JsonProperty("minimumSizeInPixels") Double minimumSizeInPixels,
    @JsonProperty("mergeSmallPolygons") Boolean mergeSmallPolygons) {

  /** A tile this small could not hold one feature of a city with its properties: surely a mistake. */
  private static final long SMALLEST_MAX_TILE_BYTES = 1024;

  public static final TilesConfig DEFAULTS = new TilesConfig("max-age=60", Map.of(), TileSettings.DEFAULT_CACHE_BYTES,
      null, TileBudget.DEFAULT_MAX_TILE_BYTES, TileBudget.DEFAULT_MINIMUM_SIZE_IN_PIXELS, true);

  TilesConfig orElse(TilesConfig fallback) {
    if (fallback == null) {
      return this;
    }
    return new TilesConfig(pick(cacheControl, fallback.cacheControl), pick(properties, fallback.properties),
        pick(cacheBytes, fallback.cacheBytes), pick(cacheDirectory, fallback.cacheDirectory),
        pick(maxTileBytes, fallback.maxTileBytes), pick(minimumSizeInPixels, fallback.minimumSizeInPixels),
        pick(mergeSmallPolygons, fallback.mergeSmallPolygons));
  }

  /** The vector tile budget these settings give. */
  public TileBudget budget() {
    return new TileBudget(maxTileBytes, minimumSizeInPixels, mergeSmallPolygons);
  }

  void validate() {
    if (maxTileBytes < SMALLEST_MAX_TILE_BYTES) {
      throw new ConfigException("tiles.maxTileBytes must be at least " + SMALLEST_MAX_TILE_BYTES + ", got "
          + maxTileBytes + "; web maps draw tiles of up to about 500000 bytes well");
    }
    if (!(minimumSizeInPixels > 0 && minimumSizeInPixels <= 256)) {
      throw new ConfigException("tiles.minimumSizeInPixels must be more than 0 and at most 256 (a tile's width),"
          + " got " + minimumSizeInPixels + "; 1 drops what is smaller than a pixel, 0.5 keeps more");
    }
  }

  private static <T> T pick(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
