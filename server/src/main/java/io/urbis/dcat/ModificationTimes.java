package io.urbis.dcat;

import io.urbis.catalog.Collection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each collection's data last changed, for {@code dct:modified}: the time its source records (a GeoPackage
 * table's last_change), else the time this server first saw its current data version (PostGIS keeps no time of
 * change: the version is a count of changed rows). So a changed row changes the time of its own collection only, as
 * versions are per table. Versions are asked as the catalog is (at most once a second, as {@link Collection#data()}
 * does), so a time is at most that late; a restart forgets the versions seen, and a collection without a recorded
 * time then counts as changed at its first catalog after the start.
 */
public final class ModificationTimes {

  private record Seen(String version, Instant modified) {}

  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  private final Clock clock;

  public ModificationTimes() {
    this(Clock.systemUTC());
  }

  ModificationTimes(Clock clock) {
    this.clock = clock;
  }

  /** When the collection's data last changed, as far as the source or this server knows. */
  public Instant of(Collection collection) {
    String version = collection.data().version();
    // by id: every audience's view of a collection shares its table's version, and so its time
    return seen.compute(collection.id(), (id, last) -> last != null && last.version().equals(version) ? last
        : new Seen(version, collection.source().lastChange(collection)
            .orElseGet(() -> clock.instant().truncatedTo(ChronoUnit.SECONDS)))).modified();
  }
}
