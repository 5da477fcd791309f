package io.urbis.source.geopackage;

import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The columns of a table, from {@code pragma_table_info}, in declaration order. */
final class TableColumns {

  /**
   * One column.
   *
   * @param primaryKeyPosition its position in the primary key, 0 when not part of it
   * @param defaultValue the SQL text of its DEFAULT, or null when it has none
   */
  record Column(String name, String declaredType, int primaryKeyPosition, boolean notNull, String defaultValue) {}

  private final List<Column> columns;

  private TableColumns(List<Column> columns) {
    this.columns = columns;
  }

  static TableColumns read(Connection connection, String table) throws SQLException {
    List<Column> columns = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(GeoPackageSql.TABLE_COLUMNS)) {
      statement.setString(1, table);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns.add(new Column(rows.getString("name"), rows.getString("type"), rows.getInt("pk"),
              rows.getInt("notnull") != 0, rows.getString("dflt_value")));
        }
      }
    }
    return new TableColumns(columns);
  }

  /** Every column, in declaration order. */
  List<Column> all() {
    return columns;
  }

  /** The name of the single-column integer primary key (the feature id), or null when there is none. */
  String integerKey() {
    List<Column> key = columns.stream().filter(c -> c.primaryKeyPosition() > 0).toList();
    boolean isIntegerKey = key.size() == 1 && DeclaredTypes.jsonType(key.get(0).declaredType()) == JsonType.INTEGER;
    return isIntegerKey ? key.get(0).name() : null;
  }

  /** Every column except the key and the geometry column, typed. */
  List<Property> properties(String geometryColumn) {
    String key = integerKey();
    return columns.stream()
        .filter(c -> !c.name().equals(key) && !c.name().equals(geometryColumn))
        .map(c -> new Property(c.name(), DeclaredTypes.jsonType(c.declaredType())))
        .toList();
  }
}
