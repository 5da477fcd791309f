package io.urbis.source.geopackage;

import static io.urbis.source.geopackage.SqlIdentifiers.quote;

import io.urbis.catalog.Collection;
import io.urbis.config.ConfigException;
import io.urbis.source.geopackage.TableColumns.Column;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A feature table as the editor writes it: its key, its geometry column with the srs id its blobs declare, every
 * other column with its declared type and constraints (including those hidden from every caller, which the editor
 * reads and keeps), and how its R-tree is kept current.
 *
 * @param srsId the srs_id of gpkg_geometry_columns, which a GeoPackage need not number as EPSG does
 * @param hasZ whether geometries are written with heights (z is 1 or 2 in gpkg_geometry_columns)
 * @param columns the columns other than the key and the geometry, in declaration order
 * @param geometryRequired whether the geometry column is NOT NULL
 * @param rtree the R-tree of the geometry column, or null when it has none
 * @param rtreeByTriggers whether the file's triggers keep the R-tree current (else the editor does)
 */
record WritableTable(String table, String idColumn, String geometryColumn, int srsId, boolean hasZ,
    List<Column> columns, boolean geometryRequired, String rtree, boolean rtreeByTriggers) {

  WritableTable {
    columns = List.copyOf(columns);
  }

  /**
   * Reads the table of the whole collection {@code collection}.
   *
   * @throws ConfigException naming the collection when its table cannot be written: a view
   */
  static WritableTable read(Connection connection, Collection collection) throws SQLException {
    String table = collection.table();
    if (!isTable(connection, table)) {
      throw new ConfigException("access.collections." + collection.id() + ": " + table + " is a view of its"
          + " GeoPackage, which SQLite cannot write; give no role write access");
    }
    TableColumns columns = TableColumns.read(connection, table);
    Column geometry = columns.all().stream().filter(c -> c.name().equals(collection.geometryColumn())).findFirst()
        .orElseThrow(() -> new SQLException("table " + table + " has no column " + collection.geometryColumn()));
    List<Column> others = columns.all().stream()
        .filter(c -> !c.name().equals(collection.idColumn()) && !c.name().equals(geometry.name()))
        .toList();
    int[] srsAndZ = srsAndZ(connection, table);
    String rtree = RtreeLookup.find(connection, table, geometry.name());
    return new WritableTable(table, collection.idColumn(), geometry.name(), srsAndZ[0], srsAndZ[1] != 0, others,
        geometry.notNull(), rtree, rtree != null && hasTriggersOn(connection, table, rtree));
  }

  /** The column named {@code name} other than the key and the geometry. */
  Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The statements of every write, so that compiling them shows what their triggers need before any request. */
  List<String> writeStatements() {
    String key = quote(idColumn) + " = ?";
    return List.of(
        "INSERT INTO " + quote(table) + " (" + quote(geometryColumn) + ") VALUES (?)",
        "UPDATE " + quote(table) + " SET " + quote(geometryColumn) + " = ? WHERE " + key,
        "DELETE FROM " + quote(table) + " WHERE " + key);
  }

  private static boolean isTable(Connection connection, String table) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(GeoPackageSql.TABLE_EXISTS)) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() && rows.getInt(1) > 0;
      }
    }
  }

  private static int[] srsAndZ(Connection connection, String table) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(EditorSql.GEOMETRY_COLUMN)) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          throw new SQLException("table " + table + " is not in gpkg_geometry_columns");
        }
        return new int[] {rows.getInt(1), rows.getInt(2)};
      }
    }
  }

  private static boolean hasTriggersOn(Connection connection, String table, String rtree) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(EditorSql.TRIGGERS_NAMING)) {
      statement.setString(1, table);
      statement.setString(2, rtree);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() && rows.getInt(1) > 0;
      }
    }
  }
}
