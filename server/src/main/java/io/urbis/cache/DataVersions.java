package io.urbis.cache;

import io.urbis.catalog.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data version of each collection, asked of its source at most once a second: tile requests come in bursts,
 * and the database's own change counters lag by about that much anyway.
 */
public final class DataVersions {

  private static final long RECHECK_NANOS = 1_000_000_000L;

  private record Checked(String version, long atNanos) {}

  private final Map<String, Checked> checked = new ConcurrentHashMap<>();

  public String current(Collection collection) {
    long now = System.nanoTime();
    Checked last = checked.get(collection.id());
    if (last != null && now - last.atNanos() < RECHECK_NANOS) {
      return last.version();
    }
    String version = collection.source().dataVersion(collection);
    checked.put(collection.id(), new Checked(version, now));
    return version;
  }
}
