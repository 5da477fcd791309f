package io.urbis.source.geopackage;

import io.urbis.cache.ValuesByVersion;
import io.urbis.catalog.Collection;
import io.urbis.catalog.TemporalExtent;
import io.urbis.source.geopackage.GeoPackageExtents.TableExtent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the source reads about its tables' data as a whole: how many features a query matches
 * ({@code numberMatched}), and each table's extents (where a bbox is clipped before it is projected, and whether a
 * bbox and datetime hold all the data). All are kept with the file's {@link GeoPackageFile#exactVersion() exact
 * version}, which changes with every commit by any program, and given out only while it holds: exact without lag,
 * and read once per change of the file rather than per request.
 */
final class FileFacts {

  /** Selections whose counts are kept: the pages of one selection share one count. */
  private static final int KEPT = 1024;

  /** Counts the matches of one selection, on a connection that sees the file at {@code version}. */
  interface Count {
    /** The count; empty when it would cost too much. */
    OptionalLong on(Connection connection, String version) throws SQLException;
  }

  private final GeoPackageFile file;
  private final ValuesByVersion<Object, OptionalLong> counts = new ValuesByVersion<>(KEPT);
  private final ValuesByVersion<String, Optional<TableExtent>> extents = new ValuesByVersion<>(KEPT);
  private final ValuesByVersion<String, Optional<TemporalExtent>> times = new ValuesByVersion<>(KEPT);

  FileFacts(GeoPackageFile file) {
    this.file = file;
  }

  /**
   * The matches of the selection {@code selection} stands for, as the file is now: kept, or counted by
   * {@code count} on a connection of its own. The version is read before the count, so a commit in between leaves
   * the count under a version that is no longer current, never the other way round.
   */
  OptionalLong matched(Object selection, Count count) throws SQLException {
    String version = file.exactVersion();
    Optional<OptionalLong> kept = counts.get(selection, version);
    if (kept.isPresent()) {
      return kept.get();
    }
    try (Connection connection = file.open()) {
      OptionalLong counted = count.on(connection, version);
      counts.put(selection, version, counted);
      return counted;
    }
  }

  /**
   * The matches of {@code selection} at {@code version}, kept or counted on {@code connection}; empty when the file
   * changed while they were counted, as they may then be of another version, and what the caller read before too.
   */
  OptionalLong matchedAt(Connection connection, Object selection, String version, Count count)
      throws SQLException {
    Optional<OptionalLong> kept = counts.get(selection, version);
    if (kept.isPresent()) {
      return kept.get();
    }
    OptionalLong counted = count.on(connection, version);
    if (!file.exactVersion().equals(version)) {
      return OptionalLong.empty();
    }
    counts.put(selection, version, counted);
    return counted;
  }

  /** The collection's extent at {@code version}, which contains every feature; null when none has a geometry. */
  TableExtent extent(Connection connection, Collection collection, String version) throws SQLException {
    return keptOrRead(extents, collection.table(), version, () -> GeoPackageExtents.spatial(connection,
        collection.table(), collection.geometryColumn(), collection.srid()));
  }

  /**
   * The first and last time of the collection's temporal property (which it must have) at {@code version}; null
   * when no feature has a time.
   */
  TemporalExtent temporalExtent(Connection connection, Collection collection, String version) throws SQLException {
    String temporal = collection.temporalProperty();
    return keptOrRead(times, collection.table(), version, () -> GeoPackageExtents.temporal(connection,
        collection.table(), temporal, collection.property(temporal).orElseThrow().type()));
  }

  /** Reads a value of a table, or null for none. */
  private interface Reader<T> {
    T read() throws SQLException;
  }

  private static <T> T keptOrRead(ValuesByVersion<String, Optional<T>> values, String table, String version,
      Reader<T> reader) throws SQLException {
    Optional<Optional<T>> kept = values.get(table, version);
    if (kept.isPresent()) {
      return kept.get().orElse(null);
    }
    T value = reader.read();
    values.put(table, version, Optional.ofNullable(value));
    return value;
  }
}
