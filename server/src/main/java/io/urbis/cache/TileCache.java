package io.urbis.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Built tiles in memory, least recently used first out once the bytes exceed the budget. Keys carry the data
 * version, so tiles of changed data are never served; they age out.
 */
public final class TileCache {

  private final long budget;
  private final LinkedHashMap<String, TileBytes> tiles = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;

  public TileCache(long budget) {
    this.budget = budget;
  }

  /** The cached tile, or the one {@code build} makes (outside the lock, so slow builds block nobody). */
  public TileBytes get(String key, Supplier<byte[]> build) {
    synchronized (this) {
      TileBytes cached = tiles.get(key);
      if (cached != null) {
        return cached;
      }
    }
    TileBytes built = TileBytes.of(build.get());
    synchronized (this) {
      TileBytes previous = tiles.put(key, built);
      bytes += built.size() - (previous == null ? 0 : previous.size());
      var oldest = tiles.entrySet().iterator();
      while (bytes > budget && oldest.hasNext()) {
        Map.Entry<String, TileBytes> entry = oldest.next();
        bytes -= entry.getValue().size();
        oldest.remove();
      }
    }
    return built;
  }
}
