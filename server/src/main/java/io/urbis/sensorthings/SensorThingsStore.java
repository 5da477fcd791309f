package io.urbis.sensorthings;

import io.urbis.cql2.postgis.CompiledSql;
import io.urbis.source.postgis.SqlErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Reads SensorThings entities from the schema Urbis owns. PostgreSQL writes each entity's JSON
 * ({@code json_build_object}, keys in the model's order); table, column and schema names come from the fixed model
 * and the checked configuration, every value from a request is a bind parameter.
 */
final class SensorThingsStore {

  /** An entity as the database wrote it: its id and its properties as a JSON object. */
  record Row(long id, String json) {}

  private final DataSource database;
  private final String schema;

  /** @param schema the schema name, already checked to be a plain identifier */
  SensorThingsStore(DataSource database, String schema) {
    this.database = database;
    this.schema = "\"" + schema + "\"";
  }

  String schema() {
    return schema;
  }

  /** The entities of {@code type} that {@code where} selects, ordered, one page. */
  List<Row> page(EntityType type, CompiledSql where, CompiledSql orderBy, int limit, int offset) {
    CompiledSql query = CompiledSql.concat("SELECT t.id, " + jsonObject(type) + "::text FROM " + table(type)
        + " t WHERE ", where, " ORDER BY ", orderBy, " LIMIT ", CompiledSql.bind(limit, "integer"), " OFFSET ",
        CompiledSql.bind(offset, "integer"));
    return rows(query);
  }

  Optional<Row> one(EntityType type, CompiledSql where) {
    return page(type, where, CompiledSql.text("t.id"), 1, 0).stream().findFirst();
  }

  long count(EntityType type, CompiledSql where) {
    CompiledSql query = CompiledSql.concat("SELECT count(*) FROM " + table(type) + " t WHERE ", where);
    try (Connection connection = database.getConnection();
        PreparedStatement statement = prepare(connection, query);
        ResultSet result = statement.executeQuery()) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw SqlErrors.translate("SensorThings read", e);
    }
  }

  private List<Row> rows(CompiledSql query) {
    try (Connection connection = database.getConnection();
        PreparedStatement statement = prepare(connection, query);
        ResultSet result = statement.executeQuery()) {
      List<Row> rows = new ArrayList<>();
      while (result.next()) {
        rows.add(new Row(result.getLong(1), result.getString(2)));
      }
      return rows;
    } catch (SQLException e) {
      throw SqlErrors.translate("SensorThings read", e);
    }
  }

  private static PreparedStatement prepare(Connection connection, CompiledSql query) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(query.sql());
    for (int i = 0; i < query.binds().size(); i++) {
      statement.setObject(i + 1, query.binds().get(i));
    }
    return statement;
  }

  private String table(EntityType type) {
    return schema + "." + type.table();
  }

  private static String jsonObject(EntityType type) {
    return type.properties().stream().map(property -> "'" + property.name() + "', " + property.json())
        .collect(Collectors.joining(", ", "json_build_object(", ")"));
  }
}
