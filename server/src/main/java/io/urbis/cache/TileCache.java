package io.urbis.cache;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Built tiles in memory, least recently used first out once the bytes exceed the budget, and on disk when a
 * directory is configured: a tile not in memory is read from there before it is built, and every built tile is
 * stored there. Keys carry the data version, so tiles of changed data are never served; they age out. A budget
 * of 0 keeps nothing in memory: every tile not on disk is built per request.
 */
public final class TileCache {

  private final long budget;
  private final Optional<TileDirectory> disk;
  private final LinkedHashMap<String, TileBytes> tiles = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;

  /** A cache of {@code budget} bytes in memory, and in {@code directory} unless that is null. */
  public TileCache(long budget, Path directory) {
    this.budget = budget;
    this.disk = Optional.ofNullable(directory).map(TileDirectory::new);
  }

  /** The cached tile, or the one {@code build} makes (outside the lock, so slow builds block nobody). */
  public TileBytes get(String key, Supplier<byte[]> build) {
    synchronized (this) {
      TileBytes cached = tiles.get(key);
      if (cached != null) {
        return cached;
      }
    }
    byte[] content = disk.flatMap(d -> d.read(key)).orElseGet(() -> built(key, build));
    if (budget <= 0) {
      return TileBytes.uncompressed(content);
    }
    TileBytes loaded = TileBytes.of(content);
    synchronized (this) {
      TileBytes previous = tiles.put(key, loaded);
      bytes += loaded.size() - (previous == null ? 0 : previous.size());
      var oldest = tiles.entrySet().iterator();
      while (bytes > budget && oldest.hasNext()) {
        Map.Entry<String, TileBytes> entry = oldest.next();
        bytes -= entry.getValue().size();
        oldest.remove();
      }
    }
    return loaded;
  }

  /** The size of the tile stored on disk under {@code key}, or -1 when it is not there (or there is no disk). */
  public long storedSize(String key) {
    return disk.map(d -> d.size(key)).orElse(-1L);
  }

  /**
   * Stores a tile on disk only, for seeding: a seeded city would crowd out the tiles in memory, and compressing and
   * hashing every tile for a memory nobody serves from took 0.3 s of the 3 s that seeding Wesel's 3D tiles took.
   */
  public void store(String key, byte[] content) {
    disk.orElseThrow(() -> new IllegalStateException("tiles are stored on disk only with a cache directory"))
        .write(key, content);
  }

  private byte[] built(String key, Supplier<byte[]> build) {
    byte[] content = build.get();
    disk.ifPresent(d -> d.write(key, content));
    return content;
  }
}
