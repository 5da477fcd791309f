package io.urbis.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.urbis.tiles.TileSettings;
import java.util.List;
import java.util.Map;

/**
 * The {@code tiles} key of the configuration; both members optional.
 *
 * @param cacheControl the {@code Cache-Control} header of tiles, e.g. {@code max-age=60}
 * @param properties per collection id, from which zoom level (tile matrix number) on which properties the tiles
 *     carry, e.g. {@code buildings: {0: [function], 15: [function, height_m]}}; a collection not listed carries all
 *     of its properties at every zoom
 * @param cacheBytes how many bytes of built tiles the memory cache keeps (default 128 MiB)
 * @param cacheDirectory where built vector and 3D tiles are kept on disk and {@code urbis seed} puts them; none by
 *     default
 */
public record TilesConfig(
    @JsonProperty("cacheControl") String cacheControl,
    @JsonProperty("properties") Map<String, Map<Integer, List<String>>> properties,
    @JsonProperty("cacheBytes") Long cacheBytes,
    @JsonProperty("cacheDirectory") String cacheDirectory) {

  public static final TilesConfig DEFAULTS = new TilesConfig("max-age=60", Map.of(), TileSettings.DEFAULT_CACHE_BYTES,
      null);

  TilesConfig orElse(TilesConfig fallback) {
    if (fallback == null) {
      return this;
    }
    return new TilesConfig(cacheControl != null ? cacheControl : fallback.cacheControl,
        properties != null ? properties : fallback.properties, cacheBytes != null ? cacheBytes : fallback.cacheBytes,
        cacheDirectory != null ? cacheDirectory : fallback.cacheDirectory);
  }
}
