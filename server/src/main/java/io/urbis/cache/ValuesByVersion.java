package io.urbis.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Values read from the data (counts, extents), each kept with the version of the data it was read at and given out
 * only while that version is the current one: a value is read once per change of the data, not once per request.
 * At most {@code capacity} keys are kept, the least recently used going first.
 *
 * @param <K> what a value is of, e.g. a table or a query
 * @param <T> the kind of value
 */
public final class ValuesByVersion<K, T> {

  private record Known<T>(String version, T value) {}

  private final Map<K, Known<T>> known;

  public ValuesByVersion(int capacity) {
    this.known = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Known<T>> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The value kept for {@code key}, if it was read at {@code version}. */
  public synchronized Optional<T> get(K key, String version) {
    Known<T> value = known.get(key);
    return value != null && value.version().equals(version) ? Optional.of(value.value()) : Optional.empty();
  }

  /** Keeps {@code value}, read at {@code version}, in place of whatever {@code key} had. */
  public synchronized void put(K key, String version, T value) {
    known.put(key, new Known<>(version, value));
  }
}
