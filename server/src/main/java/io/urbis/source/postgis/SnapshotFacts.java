package io.urbis.source.postgis;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.urbis.cache.ValuesByVersion;
import io.urbis.catalog.SpatialExtent;
import io.urbis.catalog.TemporalExtent;
import io.urbis.encode.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.OptionalLong;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the source reads about its tables' data as a whole, kept for as long as it holds: how many rows a selection
 * matches ({@code numberMatched}), and each table's extents (where a bbox is clipped before it is projected, and
 * whether a bbox and datetime hold all the data). All are kept with the database snapshot they were read in, and
 * given out only while a request finds the database at that same snapshot, that is while no transaction that wrote
 * anything has ended since, in any table. So a count is exact and an extent holds every row, without lag, and each
 * is read once per change of the data, however many requests come in between.
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
  private final ValuesByVersion<String, Optional<TableExtent>> extents = new ValuesByVersion<>(KEPT_TABLES);
  private final ValuesByVersion<String, Optional<TemporalExtent>> times = new ValuesByVersion<>(KEPT_TABLES);

  /** A value and the snapshot it was read in. */
  record Read<T>(T value, String snapshot) {}

  /**
   * Where a table's geometries are.
   *
   * @param crs84 the extent in CRS84, edges followed as they curve in projection
   * @param storage the box in the storage CRS it was projected from, which holds every geometry
   */
  record TableExtent(SpatialExtent crs84, Envelope storage) {}

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
   * How many rows the selection holds at {@code snapshot}: always for one of every row, for a filtered one when the
   * planner expects at most the limit, so that counting it is cheap, and for one by bbox and datetime alone when they
   * hold all the data ({@link #heldCount}); otherwise nothing.
   */
  OptionalLong matched(Connection connection, PostgisTable table, PostgisCountSql.Selection selection, String snapshot)
      throws SQLException {
    Optional<OptionalLong> kept = counts.get(selection.rows(), snapshot);
    if (kept.isPresent()) {
      return kept.get();
    }
    if (!selection.everyRow() && plannedRows(connection, selection) > filteredCountLimit) {
      OptionalLong held = selection.covering() == null
          ? OptionalLong.empty() : heldCount(connection, table, selection.covering(), snapshot);
      counts.put(selection.rows(), snapshot, held);
      return held;
    }
    return counted(connection, selection.rows()).value();
  }

  /**
   * The count of a selection by bbox and datetime that the planner expects to match too many rows to count: when its
   * boxes cover the table's extent and its interval the table's times, it keeps all that any bbox and datetime keep,
   * counted once per snapshot for every such selection (a scan, as for a request without filters). Nothing when
   * they do not, or when the data changed while this was found out.
   */
  private OptionalLong heldCount(Connection connection, PostgisTable table, PostgisCountSql.Covering covering,
      String snapshot) throws SQLException {
    if (covering.boxes() != null) {
      Read<TableExtent> extent = extentRead(connection, table, snapshot);
      if (!extent.snapshot().equals(snapshot) || extent.value() == null
          || !holds(connection, PostgisCountSql.boxesCover(table, covering.boxes(), extent.value().storage()))) {
        return OptionalLong.empty();
      }
    }
    if (covering.datetime() != null) {
      Read<TemporalExtent> time = keptOrRead(times, table.qualifiedName(), snapshot,
          () -> readTemporalExtent(connection, PostgisStateSql.temporalExtent(table)));
      if (!time.snapshot().equals(snapshot) || !covering.datetime().holds(time.value())) {
        return OptionalLong.empty();
      }
    }
    Optional<OptionalLong> kept = counts.get(covering.rows(), snapshot);
    if (kept.isPresent()) {
      return kept.get();
    }
    Read<OptionalLong> count = counted(connection, covering.rows());
    return count.snapshot().equals(snapshot) ? count.value() : OptionalLong.empty();
  }

  /** The table's CRS84 extent at {@code snapshot}, which contains every row; null when no row has a geometry. */
  SpatialExtent extent(Connection connection, PostgisTable table, String snapshot) throws SQLException {
    TableExtent extent = extentRead(connection, table, snapshot).value();
    return extent == null ? null : extent.crs84();
  }

  private Read<TableExtent> extentRead(Connection connection, PostgisTable table, String snapshot)
      throws SQLException {
    return keptOrRead(extents, table.qualifiedName(), snapshot,
        () -> readExtent(connection, table, PostgisStateSql.extent(table)));
  }

  /**
   * The table's extent as {@code statement} ({@link PostgisStateSql#extent} or
   * {@link PostgisStateSql#visibleExtent}) reads it, or null when no row it reads has a geometry.
   */
  static Read<TableExtent> readExtent(Connection connection, PostgisTable table, SqlQuery statement)
      throws SQLException {
    try (PreparedStatement prepared = PostgisFeatureSource.prepare(connection, statement);
        ResultSet rows = prepared.executeQuery()) {
      rows.next();
      TableExtent extent = rows.getObject(1) == null ? null : new TableExtent(
          new SpatialExtent(rows.getDouble(1), rows.getDouble(2), rows.getDouble(3), rows.getDouble(4)),
          new Envelope(rows.getDouble(6), rows.getDouble(8), rows.getDouble(7), rows.getDouble(9)));
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

  /**
   * The first and last time of a table's temporal column (which it must have) as {@code statement}
   * ({@link PostgisStateSql#temporalExtent} or {@link PostgisStateSql#visibleTemporalExtent}) reads it, or null when
   * the rows it reads have none.
   */
  static Read<TemporalExtent> readTemporalExtent(Connection connection, SqlQuery statement) throws SQLException {
    try (PreparedStatement prepared = PostgisFeatureSource.prepare(connection, statement);
        ResultSet rows = prepared.executeQuery()) {
      rows.next();
      Timestamp start = rows.getTimestamp(1);
      Timestamp end = rows.getTimestamp(2);
      return new Read<>(start == null ? null : new TemporalExtent(start.toInstant(), end.toInstant()),
          rows.getString(3));
    }
  }

  /** Reads a value of the data, or nothing as the statement's snapshot shows it. */
  private interface Reader<T> {
    Read<T> read() throws SQLException;
  }

  /** The value kept for {@code key} at {@code snapshot}, else read now (at the snapshot the read says) and kept. */
  private static <T> Read<T> keptOrRead(ValuesByVersion<String, Optional<T>> kept, String key, String snapshot,
      Reader<T> reader) throws SQLException {
    Optional<Optional<T>> value = kept.get(key, snapshot);
    if (value.isPresent()) {
      return new Read<>(value.get().orElse(null), snapshot);
    }
    Read<T> read = reader.read();
    kept.put(key, read.snapshot(), Optional.ofNullable(read.value()));
    return read;
  }

  /** Counts the rows, and keeps the count with the snapshot it was counted in. */
  private Read<OptionalLong> counted(Connection connection, SqlQuery rows) throws SQLException {
    try (PreparedStatement statement = PostgisFeatureSource.prepare(connection, PostgisCountSql.count(rows));
        ResultSet counted = statement.executeQuery()) {
      counted.next();
      Read<OptionalLong> count = new Read<>(OptionalLong.of(counted.getLong(1)), counted.getString(2));
      counts.put(rows, count.snapshot(), count.value());
      return count;
    }
  }

  private static boolean holds(Connection connection, SqlQuery test) throws SQLException {
    try (PreparedStatement statement = PostgisFeatureSource.prepare(connection, test);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getBoolean(1);
    }
  }

  private static double plannedRows(Connection connection, PostgisCountSql.Selection selection) throws SQLException {
    try (PreparedStatement statement = PostgisFeatureSource.prepare(connection, PostgisCountSql.plan(selection));
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return Json.MAPPER.readTree(rows.getString(1)).path(0).path("Plan").path("Plan Rows").asDouble();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("PostgreSQL's plan is not the JSON EXPLAIN writes", e);
    }
  }
}
