package io.urbis.tiles3d;

import io.urbis.catalog.Collection;
import io.urbis.source.ModelSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data version of each collection, asked of the source at most once a second: tile requests come in bursts,
 * and the database's own change counters lag by about that much anyway.
 */
final class DataVersions {

  private static final long RECHECK_NANOS = 1_000_000_000L;

  private record Checked(String version, long atNanos) {}

  private final Map<String, Checked> checked = new ConcurrentHashMap<>();

  String current(Collection collection, ModelSource models) {
    long now = System.nanoTime();
    Checked last = checked.get(collection.id());
    if (last != null && now - last.atNanos() < RECHECK_NANOS) {
      return last.version();
    }
    String version = models.dataVersion(collection);
    checked.put(collection.id(), new Checked(version, now));
    return version;
  }
}
