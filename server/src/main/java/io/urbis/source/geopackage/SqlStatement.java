package io.urbis.source.geopackage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** SQL text with its bind values, in order. */
record SqlStatement(String sql, List<Object> binds) {

  SqlStatement {
    binds = List.copyOf(binds);
  }

  PreparedStatement prepare(Connection connection) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < binds.size(); i++) {
        statement.setObject(i + 1, binds.get(i));
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }
}
