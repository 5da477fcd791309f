package io.urbis.source.geopackage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What SQLite itself answers about a GeoPackage file, the truth the source's answers are checked against. */
final class SqliteValues {

  private SqliteValues() {}

  /** The values of the first row {@code sql} selects, as text. */
  static String[] firstRow(Path file, String sql) {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      String[] values = new String[rows.getMetaData().getColumnCount()];
      for (int i = 0; i < values.length; i++) {
        values[i] = rows.getString(i + 1);
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The number {@code sql} selects first, such as a count. */
  static long number(Path file, String sql) {
    return Long.parseLong(firstRow(file, sql)[0]);
  }
}
