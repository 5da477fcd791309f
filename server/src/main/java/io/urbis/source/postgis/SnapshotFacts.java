package io.urbis.source.postgis;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.urbis.cache.ValuesByVersion;
import io.urbis.catalog.SpatialExtent;
import io.urbis.encode.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the source reads about its tables' data as a whole, kept for as long as it holds: how many rows a selection
 * matches ({@code numberMatched}), and each table's extent (where a bbox is clipped before it is projected). Both are
 * kept with the database snapshot they were read in, and given out only while a request finds the database at that
 * same snapshot, that is while no transaction that wrote anything has ended since, in any table. So a count is exact
 * and an extent holds every row, without lag, and both are read once per change of the data, however many requests
 * come in between.
 *
 * <p>PostgreSQL's per-table change counters, which version the tiles, would tell a write to another table apart, but
 * other sessions see them up to seconds after the commit (PostgreSQL 15 flushes a session's counters at most once a
 * second, and within 10 s once it idles): too late for a number stated as exact. The snapshot sees every commit at
 * once; the price is a fresh count after writes to other tables of the database too.
 */
final class SnapshotFacts {

  private static final Logger LOG = LoggerFactory.getLogger(SnapshotFacts.class);
  /** Selections whose counts are kept: the pages of one selection share one count. */
  private static final int KEPT_SELECTIONS = 1024;
  private static final int KEPT_TABLES = 1024;

  private final long filteredCountLimit;
  private final ValuesByVersion<SqlQuery, OptionalLong> counts = new ValuesByVersion<>(KEPT_SELECTIONS);
  private final ValuesByVersion<String, Optional<SpatialExtent>> extents = new ValuesByVersion<>(KEPT_TABLES);

  /** A value and the snapshot it was read in. */
  record Read<T>(T value, String snapshot) {}

  /** @param filteredCountLimit the most rows the planner may expect of a filtered selection that is counted */
  SnapshotFacts(long filteredCountLimit) {
    this.filteredCountLimit = filteredCountLimit;
  }

  /** The database's snapshot now, to ask for facts with. */
  static String snapshot(Connection connection) throws SQLException {
    try (PreparedStatement statement = PostgisFeatureSource.prepare(connection, PostgisStateSql.snapshot());
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getString(1);
    }
  }

  /**
   * How many rows the selection holds at {@code snapshot}: always for one of every row, and for a filtered one when
   * the planner expects at most the limit, so that counting it is cheap; otherwise nothing.
   */
  OptionalLong matched(Connection connection, PostgisSql.Selection selection, String snapshot)
      throws SQLException {
    Optional<OptionalLong> kept = counts.get(selection.rows(), snapshot);
    if (kept.isPresent()) {
      return kept.get();
    }
    if (!selection.everyRow() && plannedRows(connection, selection) > filteredCountLimit) {
      counts.put(selection.rows(), snapshot, OptionalLong.empty());
      return OptionalLong.empty();
    }
    try (PreparedStatement statement = PostgisFeatureSource.prepare(connection, PostgisSql.count(selection.rows()));
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      OptionalLong count = OptionalLong.of(rows.getLong(1));
      counts.put(selection.rows(), rows.getString(2), count);
      return count;
    }
  }

  /** The table's CRS84 extent at {@code snapshot}, which contains every row; null when no row has a geometry. */
  SpatialExtent extent(Connection connection, PostgisTable table, String snapshot) throws SQLException {
    Optional<Optional<SpatialExtent>> kept = extents.get(table.qualifiedName(), snapshot);
    if (kept.isPresent()) {
      return kept.get().orElse(null);
    }
    Read<SpatialExtent> read = readExtent(connection, table);
    extents.put(table.qualifiedName(), read.snapshot(), Optional.ofNullable(read.value()));
    return read.value();
  }

  /** The table's CRS84 extent as {@link PostgisStateSql#extent} reads it, or null when no row has a geometry. */
  static Read<SpatialExtent> readExtent(Connection connection, PostgisTable table) throws SQLException {
    try (PreparedStatement statement = PostgisFeatureSource.prepare(connection, PostgisStateSql.extent(table));
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      SpatialExtent extent = rows.getObject(1) == null ? null
          : new SpatialExtent(rows.getDouble(1), rows.getDouble(2), rows.getDouble(3), rows.getDouble(4));
      return new Read<>(extent, rows.getString(5));
    } catch (SQLException e) {
      if (SqlErrors.isDataException(e) || "XX000".equals(e.getSQLState())) {
        // geometries PROJ cannot project to CRS84: no extent, as for a table without geometries
        LOG.debug("no extent for {}: {}", table.name(), e.getMessage());
        return new Read<>(null, snapshot(connection));
      }
      throw e;
    }
  }

  private static double plannedRows(Connection connection, PostgisSql.Selection selection) throws SQLException {
    try (PreparedStatement statement = PostgisFeatureSource.prepare(connection, PostgisSql.plan(selection));
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return Json.MAPPER.readTree(rows.getString(1)).path(0).path("Plan").path("Plan Rows").asDouble();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("PostgreSQL's plan is not the JSON EXPLAIN writes", e);
    }
  }
}
