package io.urbis.source.geopackage;

import static io.urbis.source.geopackage.SqlIdentifiers.quote;

import io.urbis.source.geopackage.TableColumns.Column;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL the GeoPackage editor runs: reading a stored row whole, writing it, keeping an R-tree and gpkg_contents
 * current, and the audit trail. Identifiers come from the discovered tables, quoted; values are bind parameters.
 */
final class EditorSql {

  static final String GEOMETRY_COLUMN = "SELECT srs_id, z FROM gpkg_geometry_columns WHERE table_name = ?";

  /** Whether any trigger on a table names an object (the R-tree its triggers keep). */
  static final String TRIGGERS_NAMING =
      "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND instr(sql, ?) > 0";

  static final String JOURNAL_MODE = "PRAGMA journal_mode";
  static final String WAL = "PRAGMA journal_mode = WAL";
  static final String ROLLBACK_JOURNAL = "PRAGMA journal_mode = DELETE";

  static final String LAST_CHANGE = "SELECT last_change FROM gpkg_contents WHERE table_name = ?";

  /**
   * Records a change of a table: its last_change, and its informative extent widened to hold a written geometry's
   * box (min and max of several values are NULL when one is, so an unknown extent stays unknown, as GDAL leaves it).
   */
  static final String CONTENTS_CHANGED = "UPDATE gpkg_contents SET last_change = ?, min_x = min(min_x, ?),"
      + " max_x = max(max_x, ?), min_y = min(min_y, ?), max_y = max(max_y, ?) WHERE table_name = ?";

  static final String CONTENTS_TOUCHED = "UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?";

  private EditorSql() {}

  /** The id, the geometry, then every other column of one row. */
  static String storedRow(WritableTable table) {
    return row(table, table.columns().stream().map(Column::name).toList());
  }

  /** The id, the geometry, then {@code columns} of one row: with the properties an audience sees, what it reads. */
  static String row(WritableTable table, List<String> columns) {
    return "SELECT " + quote(table.idColumn()) + ", " + quote(table.geometryColumn())
        + columns.stream().map(column -> ", " + quote(column)).collect(Collectors.joining()) + " FROM "
        + quote(table.table()) + " WHERE " + quote(table.idColumn()) + " = ?";
  }

  /** Inserts the geometry and {@code columns}, with the id first when {@code withId}. */
  static String insert(WritableTable table, boolean withId, List<Column> columns) {
    String names = (withId ? quote(table.idColumn()) + ", " : "") + quote(table.geometryColumn())
        + columns.stream().map(c -> ", " + quote(c.name())).collect(Collectors.joining());
    int values = columns.size() + (withId ? 2 : 1);
    return "INSERT INTO " + quote(table.table()) + " (" + names + ") VALUES ("
        + String.join(", ", Collections.nCopies(values, "?")) + ")";
  }

  /** Sets the geometry (when {@code withGeometry}) and {@code columns} of one row, the id bound last. */
  static String update(WritableTable table, boolean withGeometry, List<Column> columns) {
    String assignments = (withGeometry ? quote(table.geometryColumn()) + " = ?" : "")
        + columns.stream().map(c -> quote(c.name()) + " = ?")
            .collect(Collectors.joining(", ", withGeometry && !columns.isEmpty() ? ", " : "", ""));
    return "UPDATE " + quote(table.table()) + " SET " + assignments + " WHERE " + quote(table.idColumn()) + " = ?";
  }

  static String delete(WritableTable table) {
    return "DELETE FROM " + quote(table.table()) + " WHERE " + quote(table.idColumn()) + " = ?";
  }

  /** An R-tree entry: id, min x, max x, min y, max y. */
  static String rtreeEntry(String rtree) {
    return "INSERT OR REPLACE INTO " + quote(rtree) + " VALUES (?, ?, ?, ?, ?)";
  }

  static String rtreeRemoval(String rtree) {
    return "DELETE FROM " + quote(rtree) + " WHERE id = ?";
  }
}
