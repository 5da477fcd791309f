package io.urbis.source.geopackage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Finds the RTree spatial index (GeoPackage extension F.3) of a geometry column, if the file has one. */
final class RtreeLookup {

  private RtreeLookup() {}

  /** The R-tree table's name, or null when the column has no index. */
  static String find(Connection connection, String table, String geometryColumn) throws SQLException {
    String name = GeoPackageSql.rtreeName(table, geometryColumn);
    try (PreparedStatement statement = connection.prepareStatement(GeoPackageSql.TABLE_EXISTS)) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() && rows.getInt(1) > 0 ? name : null;
      }
    }
  }
}
