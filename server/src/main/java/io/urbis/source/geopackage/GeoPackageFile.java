package io.urbis.source.geopackage;

import io.urbis.source.SourceFailureException;
import io.urbis.source.SourceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;

/**
 * A GeoPackage file opened through sqlite-jdbc, read-only for reading. Every caller gets its own connection: SQLite
 * connections to a local file are cheap, and separate connections make concurrent requests safe without a pool. One
 * more connection stays open to watch for commits ({@link #exactVersion()}); {@link #close()} closes it.
 */
final class GeoPackageFile implements AutoCloseable {

  private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int BUSY_TIMEOUT_MILLIS = 5_000;

  private final Path path;
  private final String url;
  private final SQLiteConfig config = new SQLiteConfig();
  private final SQLiteConfig writing = new SQLiteConfig();
  /** The connection whose {@code data_version} counts the commits of others, and the file it is open on. */
  private Connection watcher;
  private Object watchedFile;

  GeoPackageFile(Path path) {
    this.path = path.toAbsolutePath().normalize();
    this.url = "jdbc:sqlite:" + this.path;
    config.setReadOnly(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    writing.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
  }

  Path path() {
    return path;
  }

  /**
   * The file's last-modified time and size, and those of its write-ahead log when there is one: any write, by any
   * program, changes one of them. Whole seconds of modification time would miss quick successive writes; the file
   * system's own resolution is used.
   */
  String version() {
    return stamp(path) + "/" + stamp(path.resolveSibling(path.getFileName() + "-wal"));
  }

  /**
   * The version of one table's data: {@link #version()}, and the table's last_change in gpkg_contents, which every
   * write through Urbis moves on by at least a millisecond ({@code GeoPackageEditor}), so that the version changes
   * with each of them even when the file's time and size do not (times of the file system move in steps of a clock
   * tick). The same on every server and after a restart.
   */
  synchronized String version(String table) {
    return version() + "/" + lastChange(table);
  }

  /** The table's last_change in gpkg_contents as the file has it (ISO 8601 text), or null when it has none. */
  synchronized String lastChange(String table) {
    try (PreparedStatement statement = watcher().prepareStatement(EditorSql.LAST_CHANGE)) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new SourceUnavailableException("cannot read the data version of " + table + " in " + path, e);
    }
  }


  /**
   * A version that changes with every commit, by any program, at once: {@link #version()}, and SQLite's
   * {@code data_version} of a connection kept open on the file, which counts the commits of all other connections
   * (a quick second write can leave time and size as they were). Comparable only within this process: the count
   * starts anew with the connection.
   */
  synchronized String exactVersion() {
    try (PreparedStatement statement = watcher().prepareStatement(GeoPackageSql.DATA_VERSION);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return version() + "/" + rows.getLong(1);
    } catch (SQLException e) {
      throw new SourceUnavailableException("cannot read the data version of " + path, e);
    }
  }

  /** The connection kept open on the file, opened again when the file is replaced. */
  private Connection watcher() throws SQLException {
    Object file = fileKey();
    if (watcher == null || !file.equals(watchedFile)) {
      JdbcResources.closeQuietly(watcher);
      watcher = null;
      watcher = open();
      watchedFile = file;
    }
    return watcher;
  }

  /** What the file system knows the file by (device and inode), which a replaced file does not keep. */
  private Object fileKey() {
    try {
      Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
      return key != null ? key : path;
    } catch (IOException e) {
      throw new SourceUnavailableException("cannot read " + path, e);
    }
  }

  private static String stamp(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "-" + attributes.size();
    } catch (NoSuchFileException e) {
      return "none";
    } catch (IOException e) {
      throw new SourceFailureException("cannot read the modification time of " + file, e);
    }
  }

  Connection open() throws SQLException {
    return config.createConnection(url);
  }

  /** A connection that may write, waiting as long as readers wait for a lock another connection holds. */
  Connection openForWriting() throws SQLException {
    return writing.createConnection(url);
  }

  /**
   * Throws IllegalArgumentException naming the file when it is missing, not a SQLite database, or lacks the
   * GeoPackage feature metadata tables.
   */
  void requireGeoPackage() {
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException("GeoPackage file " + path + " does not exist or is not readable");
    }
    if (!startsWithSqliteMagic(path)) {
      throw new IllegalArgumentException(path + " is not a GeoPackage: it is not a SQLite database file");
    }
    try (Connection connection = open();
        PreparedStatement statement = connection.prepareStatement(GeoPackageSql.COUNT_METADATA_TABLES)) {
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next() || rows.getInt(1) < 2) {
          throw new IllegalArgumentException(
              path + " is not a GeoPackage: it has no gpkg_contents and gpkg_geometry_columns tables");
        }
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException(path + " is not a readable GeoPackage: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    JdbcResources.closeQuietly(watcher);
    watcher = null;
  }

  private static boolean startsWithSqliteMagic(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC);
    } catch (IOException e) {
      return false;
    }
  }
}
