package io.urbis.source.geopackage;

import io.urbis.cache.ValuesByVersion;
import io.urbis.catalog.Collection;
import io.urbis.catalog.SpatialExtent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the source reads about its tables' data as a whole: how many features a query matches
 * ({@code numberMatched}), and each table's extent (where a bbox is clipped before it is projected). Both are kept
 * with the file's {@link GeoPackageFile#exactVersion() exact version}, which changes with every commit by any
 * program, and given out only while it holds: exact without lag, and read once per change of the file rather than
 * per request.
 */
final class FileFacts {

  /** Selections whose counts are kept: the pages of one selection share one count. */
  private static final int KEPT = 1024;

  /** Counts the matches of one selection; empty when that would cost too much. */
  interface Count {
    OptionalLong on(Connection connection) throws SQLException;
  }

  private final GeoPackageFile file;
  private final ValuesByVersion<Object, OptionalLong> counts = new ValuesByVersion<>(KEPT);
  private final ValuesByVersion<String, Optional<SpatialExtent>> extents = new ValuesByVersion<>(KEPT);

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
      OptionalLong counted = count.on(connection);
      counts.put(selection, version, counted);
      return counted;
    }
  }

  /** The collection's CRS84 extent at {@code version}, which contains every feature; null when none has a geometry. */
  SpatialExtent extent(Connection connection, Collection collection, String version) throws SQLException {
    Optional<Optional<SpatialExtent>> kept = extents.get(collection.table(), version);
    if (kept.isPresent()) {
      return kept.get().orElse(null);
    }
    SpatialExtent extent = GeoPackageExtents.spatial(connection, collection.table(), collection.geometryColumn(),
        collection.srid());
    extents.put(collection.table(), version, Optional.ofNullable(extent));
    return extent;
  }
}
