package io.urbis.source.postgis;

import io.urbis.catalog.GeometryType;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.SpatialExtent;
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

/** Reads the database catalog: which tables and views have geometry, their columns, keys and extents. */
final class PostgisDiscovery {

  private static final Logger LOG = LoggerFactory.getLogger(PostgisDiscovery.class);
  private static final String TABLES_SQL = resource("tables.sql");
  private static final String COLUMNS_SQL = resource("columns.sql");
  /** Key column names taken for views, which have no primary key, in order of preference. */
  private static final List<String> VIEW_KEY_NAMES = List.of("id", "gid", "fid", "ogc_fid", "objectid");
  /** Above this many rows, extents come from planner statistics instead of a full scan. */
  private static final long EXACT_EXTENT_LIMIT = 100_000;
  private static final Set<String> KEY_TYPES = Set.of("int2", "int4", "int8", "text", "varchar", "uuid", "bpchar");

  private final PostgisSql sql;

  PostgisDiscovery(PostgisSql sql) {
    this.sql = sql;
  }

  List<PostgisTable> discover(Connection connection, List<String> schemas) throws SQLException {
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
    List<PostgisTable> withExtents = new ArrayList<>();
    for (PostgisTable table : tables) {
      withExtents.add(table.withExtent(extent(connection, table)));
    }
    return withExtents;
  }

  private Optional<PostgisTable> describe(Connection connection, ResultSet row) throws SQLException {
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
        row.getInt("srid"), is3d, geometryRequired, attributes, temporal, row.getLong("estimated_rows"), null));
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

  private SpatialExtent extent(Connection connection, PostgisTable table) throws SQLException {
    if (table.estimatedRows() > EXACT_EXTENT_LIMIT) {
      SpatialExtent estimated = readExtent(connection, sql.extent(table, true), table.name());
      if (estimated != null) {
        return estimated;
      }
    }
    return readExtent(connection, sql.extent(table, false), table.name());
  }

  /** The extent the query reads, or null when the table has none PostGIS can give (no rows, no statistics). */
  private static SpatialExtent readExtent(Connection connection, SqlQuery query, String table) throws SQLException {
    try (PreparedStatement statement = PostgisFeatureSource.prepare(connection, query);
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next() || rows.getObject(1) == null) {
        return null;
      }
      return new SpatialExtent(rows.getDouble(1), rows.getDouble(2), rows.getDouble(3), rows.getDouble(4));
    } catch (SQLException e) {
      if (SqlErrors.isDataException(e) || "XX000".equals(e.getSQLState())) {
        LOG.debug("no extent for {}: {}", table, e.getMessage());
        return null;
      }
      throw e;
    }
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
