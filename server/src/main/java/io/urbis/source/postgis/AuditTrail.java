package io.urbis.source.postgis;

import io.urbis.config.ConfigException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The table {@code urbis_audit} in which every feature write is recorded, in the write's own transaction: who (the
 * caller's name), when, collection, feature id, operation, and the row before and after as JSON ({@code to_jsonb}, the
 * geometry as GeoJSON in its stored CRS). It has no geometry, so it is never published. Urbis creates it in the
 * database user's current schema (the first of its search path) when the server starts with a writable collection.
 *
 * @param table the table's schema-qualified, quoted name
 */
record AuditTrail(String table) {

  static final String NAME = "urbis_audit";

  /** The operations a row records. */
  enum Operation { CREATE, REPLACE, UPDATE, DELETE }

  /**
   * The audit table of the database, created where there is none.
   *
   * @throws ConfigException naming the table, the database user and the fix when it cannot be created or written
   */
  static AuditTrail open(Connection connection, String database) throws SQLException {
    String schema = currentSchema(connection);
    if (schema == null) {
      throw new ConfigException(database + ": no schema of the search path exists, so the audit table " + NAME
          + " of the writable collections has nowhere to go; set the user's search_path to a schema it may create"
          + " tables in");
    }
    AuditTrail trail = new AuditTrail(SqlIdentifier.quoteTable(schema, NAME));
    try (PreparedStatement create = connection.prepareStatement(trail.createSql())) {
      create.execute();
    } catch (SQLException e) {
      if (!trail.exists(connection)) {
        throw new ConfigException(database + ": the audit table " + schema + "." + NAME + " of the writable"
            + " collections cannot be created by " + connection.getMetaData().getUserName() + " (" + e.getMessage()
            + "); create it as its owner, or GRANT CREATE ON SCHEMA " + schema + " to the user");
      }
    }
    if (!trail.isWritable(connection)) {
      throw new ConfigException(database + ": the audit table " + schema + "." + NAME + " of the writable"
          + " collections cannot be written by " + connection.getMetaData().getUserName() + "; GRANT INSERT ON "
          + schema + "." + NAME + " to the user");
    }
    return trail;
  }

  /** The audit table of the search path, if there is one, for reading it. */
  static AuditTrail find(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT n.nspname FROM pg_class c"
        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?)")) {
      statement.setString(1, NAME);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? new AuditTrail(SqlIdentifier.quoteTable(rows.getString(1), NAME)) : null;
      }
    }
  }

  /**
   * Records one write; {@code before} and {@code after} are the rows as JSON text, null where there is none. With
   * {@code flushStatistics}, the same statement asks PostgreSQL 15+ to count the transaction's writes in the tables'
   * statistics at its commit ({@code pg_stat_force_next_flush}), saving a round trip per write.
   */
  SqlQuery record(String caller, String collection, String featureId, Operation operation, String before,
      String after, boolean flushStatistics) {
    return new SqlQuery((flushStatistics ? "WITH flushed AS (SELECT pg_stat_force_next_flush()) " : "")
        + "INSERT INTO " + table + " (caller, collection, feature_id, operation, before, after)"
        + " SELECT ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb)" + (flushStatistics ? " FROM flushed" : ""),
        Arrays.asList(caller, collection, featureId, operation.name().toLowerCase(Locale.ROOT), before, after));
  }

  /** The latest {@code limit} entries, newest first. */
  SqlQuery latest(int limit) {
    return new SqlQuery("SELECT id, at, caller, collection, feature_id, operation, before::text, after::text FROM "
        + table + " ORDER BY id DESC LIMIT ?", List.of(limit));
  }

  private String createSql() {
    return "CREATE TABLE IF NOT EXISTS " + table + " ("
        + "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
        + "at timestamptz NOT NULL DEFAULT clock_timestamp(), "
        + "caller text NOT NULL, "
        + "collection text NOT NULL, "
        + "feature_id text NOT NULL, "
        + "operation text NOT NULL, "
        + "before jsonb, "
        + "after jsonb)";
  }

  private boolean exists(Connection connection) throws SQLException {
    return ask(connection, "SELECT to_regclass(?) IS NOT NULL");
  }

  private boolean isWritable(Connection connection) throws SQLException {
    return ask(connection, "SELECT has_table_privilege(CAST(? AS regclass), 'INSERT')");
  }

  private boolean ask(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() && rows.getBoolean(1);
      }
    }
  }

  private static String currentSchema(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT current_schema()");
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getString(1);
    }
  }
}
