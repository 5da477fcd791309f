package io.urbis.source.postgis;

import io.urbis.catalog.GeometryType;
import io.urbis.catalog.JsonType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the database catalog: which tables and views have geometry, their columns and keys. */
final class PostgisDiscovery {

  private static final Logger LOG = LoggerFactory.getLogger(PostgisDiscovery.class);
  private static final String TABLES_SQL = resource("tables.sql");
  private static final String COLUMNS_SQL = resource("columns.sql");
  /** Key column names taken for views, which have no primary key, in order of preference. */
  private static final List<String> VIEW_KEY_NAMES = List.of("id", "gid", "fid", "ogc_fid", "objectid");
  private static final Set<String> KEY_TYPES = Set.of("int2", "int4", "int8", "text", "varchar", "uuid", "bpchar");

  private PostgisDiscovery() {}

  static List<PostgisTable> discover(Connection connection, List<String> schemas) throws SQLException {
    List<PostgisTable> tables = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(TABLES_SQL)) {
      Array schemaArray = connection.createArrayOf("text", schemas.toArray());
      statement.setArray(1, schemaArray);
      statement.setArray(2, schemaArray);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          describe(connection, rows).ifPresent(tables::add);
        }
      }
    }
    return tables;
  }

  private static Optional<PostgisTable> describe(Connection connection, ResultSet row) throws SQLException {
    String schema = row.getString("schema_name");
    String name = row.getString("table_name");
    String geometryColumn = row.getString("geometry_column");
    List<PostgisColumn> columns = columns(connection, row.getLong("table_oid"));
    Optional<PostgisColumn> key = keyColumn(columns);
    if (key.isEmpty()) {
      LOG.warn("skipping {}.{}: no single-column primary key and no column named one of {}", schema, name,
          VIEW_KEY_NAMES);
      return Optional.empty();
    }
    PostgisColumn id = key.get();
    List<PostgisColumn> attributes = columns.stream()
        .filter(c -> !c.isGeometry() && !c.name().equals(id.name()))
        .toList();
    String temporal = attributes.stream().filter(c -> c.jsonType().isTemporal()).map(PostgisColumn::name)
        .findFirst().orElse(null);
    JsonType idType = id.jsonType() == JsonType.INTEGER ? JsonType.INTEGER : JsonType.STRING;
    GeometryType type = GeometryType.fromName(row.getString("geometry_type"));
    boolean is3d = row.getInt("dimensions") >= 3 && !row.getString("geometry_type").endsWith("M");
    boolean geometryRequired = columns.stream().anyMatch(c -> c.name().equals(geometryColumn) && c.notNull());
    return Optional.of(new PostgisTable(schema, name, id.name(), id.sqlType(), idType, geometryColumn, type,
        row.getInt("srid"), is3d, geometryRequired, attributes, temporal, row.getBoolean("spatial_index"), null));
  }

  private static Optional<PostgisColumn> keyColumn(List<PostgisColumn> columns) {
    Optional<PostgisColumn> primary = columns.stream().filter(PostgisColumn::primaryKey).findFirst();
    if (primary.isPresent()) {
      return primary;
    }
    for (String name : VIEW_KEY_NAMES) {
      Optional<PostgisColumn> named = columns.stream()
          .filter(c -> c.name().equalsIgnoreCase(name) && KEY_TYPES.contains(c.typeName()))
          .findFirst();
      if (named.isPresent()) {
        return named;
      }
    }
    return Optional.empty();
  }

  private static List<PostgisColumn> columns(Connection connection, long tableOid) throws SQLException {
    List<PostgisColumn> columns = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(COLUMNS_SQL)) {
      statement.setLong(1, tableOid);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns.add(new PostgisColumn(rows.getString("column_name"), rows.getString("type_name"),
              rows.getString("sql_type"), rows.getBoolean("is_primary_key"), rows.getBoolean("not_null")));
        }
      }
    }
    return columns;
  }

  private static String resource(String name) {
    try (InputStream in = PostgisDiscovery.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
