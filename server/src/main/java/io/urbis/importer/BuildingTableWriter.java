package io.urbis.importer;

import io.urbis.source.postgis.DatabaseUrl;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes building rows with one COPY in one transaction, so a failed import changes nothing. A new table is
 * created and filled; {@code --replace} fills a twin and swaps it in at commit; otherwise rows go through a
 * staging table into the existing one, ids already there are skipped ({@code ON CONFLICT DO NOTHING}) and named.
 */
final class BuildingTableWriter implements AutoCloseable {

  /** Rows are sent to the server in chunks of about this many bytes. */
  private static final int CHUNK = 1 << 20;

  private enum Mode { CREATE, REPLACE, APPEND }

  private final Connection connection;
  private final ImportTarget target;
  private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK + (CHUNK >> 2));
  private final StringBuilder line = new StringBuilder();
  private Mode mode;
  private CopyIn copy;
  private long rows;
  private boolean committed;

  private BuildingTableWriter(Connection connection, ImportTarget target) {
    this.connection = connection;
    this.target = target;
  }

  /** What the commit did: rows now in the table from this import, and the ids the table already had. */
  record Outcome(long written, List<String> alreadyInTable) {}

  static BuildingTableWriter open(DatabaseUrl url, ImportTarget target) throws DatabaseUnavailableException {
    try {
      Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
      connection.setAutoCommit(false);
      return new BuildingTableWriter(connection, target);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot connect to " + url.label() + ": " + e.getMessage(), e);
    }
  }

  /** Prepares the table for the rows of a file in this CRS; an existing table must have the same SRID. */
  void begin(SourceCrs crs) throws ImportException {
    try {
      if (!exists(BuildingTableSql.SRID_KNOWN, crs.srid())) {
        throw new ImportException("EPSG:" + crs.srid() + " is not in the database's spatial_ref_sys");
      }
      boolean exists = exists(BuildingTableSql.EXISTS, target.schema(), target.table());
      mode = !exists ? Mode.CREATE : target.replace() ? Mode.REPLACE : Mode.APPEND;
      String copySql;
      if (mode == Mode.APPEND) {
        checkAppendable(crs.srid());
        execute(BuildingTableSql.staging(target));
        copySql = BuildingTableSql.stagingCopy();
      } else {
        String name = workName();
        execute(BuildingTableSql.createSchema(target));
        execute(BuildingTableSql.create(target, name, crs.srid()));
        copySql = BuildingTableSql.copy(target, name);
      }
      copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  void write(BuildingRow row) throws ImportException {
    line.setLength(0);
    field(row.id()).append('\t');
    field(row.lod());
    for (Object value : row.wellKnown()) {
      line.append('\t');
      field(value == null ? null : value.toString());
    }
    line.append('\t');
    field(row.attributesJson()).append('\t');
    // hex EWKB is [0-9A-F] only: nothing to escape, and by far the longest fields
    line.append(row.geometryHex()).append('\t');
    line.append(row.footprintHex() == null ? "\\N" : row.footprintHex()).append('\n');
    chunk.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
    rows++;
    if (chunk.size() >= CHUNK) {
      flush();
    }
  }

  /** Ends the COPY, builds indexes and statistics, puts the table in place, records the source and commits. */
  Outcome commit(String comment) throws ImportException {
    try {
      flush();
      copy.endCopy();
      copy = null;
      Outcome outcome = switch (mode) {
        case CREATE -> finishNew(target.table());
        case REPLACE -> swap();
        case APPEND -> append();
      };
      try (PreparedStatement statement = connection.prepareStatement(BuildingTableSql.COMMENT)) {
        statement.setString(1, target.schema());
        statement.setString(2, target.table());
        statement.setString(3, comment);
        try (ResultSet result = statement.executeQuery()) {
          result.next();
          execute(result.getString(1));
        }
      }
      connection.commit();
      committed = true;
      return outcome;
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  private Outcome finishNew(String name) throws SQLException {
    execute(BuildingTableSql.spatialIndex(target, name, BuildingTableSql.GEOMETRY));
    execute(BuildingTableSql.spatialIndex(target, name, BuildingTableSql.FOOTPRINT));
    execute(BuildingTableSql.analyze(target, name));
    return new Outcome(rows, List.of());
  }

  /** The old table is locked only from the drop to the commit: the twin is complete and indexed by then. */
  private Outcome swap() throws SQLException {
    String twin = target.replacementName();
    Outcome outcome = finishNew(twin);
    execute(BuildingTableSql.drop(target));
    execute(BuildingTableSql.rename(target, twin));
    for (String suffix : List.of("_pkey", "_" + BuildingTableSql.GEOMETRY + "_idx",
        "_" + BuildingTableSql.FOOTPRINT + "_idx")) {
      execute(BuildingTableSql.renameIndex(target, twin, target.table(), suffix));
    }
    return outcome;
  }

  private Outcome append() throws SQLException {
    List<String> duplicates = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet ids = statement.executeQuery(BuildingTableSql.duplicates(target))) {
      while (ids.next()) {
        duplicates.add(ids.getString(1));
      }
    }
    long written;
    try (Statement statement = connection.createStatement()) {
      written = statement.executeUpdate(BuildingTableSql.appendStaged(target));
    }
    execute(BuildingTableSql.analyze(target, target.table()));
    return new Outcome(written, duplicates);
  }

  private void checkAppendable(int srid) throws SQLException, ImportException {
    Set<String> columns = new HashSet<>();
    try (PreparedStatement statement = connection.prepareStatement(BuildingTableSql.COLUMNS)) {
      statement.setString(1, target.schema());
      statement.setString(2, target.table());
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          columns.add(result.getString(1));
        }
      }
    }
    for (String column : BuildingTableSql.columnList().replace("\"", "").split(", ")) {
      if (!columns.contains(column)) {
        throw new ImportException(target.label() + " exists but has no column '" + column + "', so it was not "
            + "made by urbis import: name another --table, or add --replace to replace it");
      }
    }
    try (PreparedStatement statement = connection.prepareStatement(BuildingTableSql.GEOMETRY_SRID)) {
      statement.setString(1, target.schema());
      statement.setString(2, target.table());
      statement.setString(3, BuildingTableSql.GEOMETRY);
      try (ResultSet result = statement.executeQuery()) {
        if (result.next() && result.getInt(1) != srid) {
          throw new ImportException(target.label() + " holds EPSG:" + result.getInt(1) + ", the file EPSG:" + srid
              + ": import into another --table, or add --replace");
        }
      }
    }
  }

  private String workName() {
    return mode == Mode.REPLACE ? target.replacementName() : target.table();
  }

  private void flush() throws ImportException {
    if (chunk.size() == 0) {
      return;
    }
    try {
      copy.writeToCopy(chunk.toByteArray(), 0, chunk.size());
      chunk.reset();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** COPY text format: backslash, tab, newline and carriage return escaped, {@code \N} for null. */
  private StringBuilder field(String value) {
    if (value == null) {
      return line.append("\\N");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> line.append("\\\\");
        case '\t' -> line.append("\\t");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        default -> line.append(c);
      }
    }
    return line;
  }

  private boolean exists(String sql, Object... binds) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < binds.length; i++) {
        statement.setObject(i + 1, binds[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        return result.next();
      }
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private ImportException failed(SQLException e) {
    return new ImportException("writing " + target.label() + " failed: " + e.getMessage().lines().findFirst()
        .orElse(e.getSQLState()), e);
  }

  /** Without a commit nothing stays: the new table, the twin and the staged rows vanish with the transaction. */
  @Override
  public void close() {
    try {
      if (copy != null && copy.isActive()) {
        copy.cancelCopy();
      }
      if (!committed) {
        connection.rollback();
      }
      connection.close();
    } catch (SQLException e) {
      // the connection is going away either way; nothing was committed that a rollback would have to keep
    }
  }
}
