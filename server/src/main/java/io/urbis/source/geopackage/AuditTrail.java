package io.urbis.source.geopackage;

import io.urbis.source.AuditEntry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The GeoPackage's record of every write through Urbis: the table {@value #TABLE} in the file itself, written in the
 * transaction of the write it records, so that a committed write always has its entry and a rolled-back one never.
 * It is not registered in gpkg_contents, so Urbis does not publish it and it is no feature or attributes table of
 * the GeoPackage. Each entry: who (the caller's name), when (UTC, ISO 8601), the collection, the feature id, the
 * operation, and the feature before and after as GeoJSON text (null where there was none).
 */
public final class AuditTrail {

  static final String TABLE = "urbis_audit";

  private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
      + "id INTEGER PRIMARY KEY AUTOINCREMENT, "
      + "at TEXT NOT NULL, "
      + "caller TEXT NOT NULL, "
      + "collection TEXT NOT NULL, "
      + "feature_id TEXT NOT NULL, "
      + "operation TEXT NOT NULL CHECK (operation IN ('create', 'replace', 'update', 'delete')), "
      + "before TEXT, "
      + "after TEXT)";

  private static final String LATEST = "SELECT id, at, caller, operation, collection, feature_id, before, after FROM "
      + TABLE + " ORDER BY id DESC LIMIT ?";

  private static final String RECORD = "INSERT INTO " + TABLE
      + " (at, caller, collection, feature_id, operation, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)";

  /** The kinds of write, as the audit names them. */
  enum Operation {
    CREATE, REPLACE, UPDATE, DELETE;

    String audited() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private AuditTrail() {}

  /** Creates the table where the file has none. */
  static void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(CREATE);
    }
  }

  /**
   * The latest {@code limit} entries of the audit trail of the GeoPackage {@code file}, newest first; empty when the
   * file has no audit trail.
   *
   * @throws IllegalArgumentException naming the file when it is not a readable GeoPackage
   */
  public static Optional<List<AuditEntry>> latest(Path file, int limit) throws SQLException {
    GeoPackageFile geoPackage = new GeoPackageFile(file);
    geoPackage.requireGeoPackage();
    try (Connection connection = geoPackage.open()) {
      try (PreparedStatement exists = connection.prepareStatement(GeoPackageSql.TABLE_EXISTS)) {
        exists.setString(1, TABLE);
        try (ResultSet rows = exists.executeQuery()) {
          if (!rows.next() || rows.getInt(1) == 0) {
            return Optional.empty();
          }
        }
      }
      List<AuditEntry> entries = new ArrayList<>();
      try (PreparedStatement latest = connection.prepareStatement(LATEST)) {
        latest.setInt(1, limit);
        try (ResultSet rows = latest.executeQuery()) {
          while (rows.next()) {
            entries.add(new AuditEntry(rows.getLong(1), Instant.parse(rows.getString(2)), rows.getString(3),
                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8)));
          }
        }
      }
      return Optional.of(entries);
    }
  }

  /** Records one write, in the transaction of {@code connection}. */
  static void record(Connection connection, Instant at, String caller, String collection, String featureId,
      Operation operation, String before, String after) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(RECORD)) {
      statement.setString(1, at.toString());
      statement.setString(2, caller);
      statement.setString(3, collection);
      statement.setString(4, featureId);
      statement.setString(5, operation.audited());
      statement.setString(6, before);
      statement.setString(7, after);
      statement.executeUpdate();
    }
  }
}
