package io.urbis.source.postgis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.catalog.Collection;
import io.urbis.config.ConfigException;
import io.urbis.error.NotFoundException;
import io.urbis.error.PreconditionFailedException;
import io.urbis.error.UrbisException;
import io.urbis.source.ExpectedVersion;
import io.urbis.source.FeatureContent;
import io.urbis.source.FeatureEditor;
import io.urbis.source.FeaturePatch;
import io.urbis.source.FeatureVersions;
import io.urbis.source.WriteRules;
import io.urbis.source.WrittenFeature;
import io.urbis.source.postgis.AuditTrail.Operation;
import io.urbis.source.postgis.PostgisWriteSql.ColumnValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes features of a PostGIS database, each call one transaction: the feature's row is locked
 * ({@code SELECT ... FOR UPDATE}, within the audience's row filter) and its version compared with what the client
 * expects before anything changes, so concurrent writers queue on the row and none overwrites what another wrote
 * unseen; the written row must lie within the row filter too; the audit row goes in before the commit. PostgreSQL 15
 * and later are asked to count the write in the table's statistics at commit ({@code pg_stat_force_next_flush}), so the
 * data version of every server (which follows those counts) moves at once rather than within seconds.
 */
final class PostgisEditor implements FeatureEditor {

  private static final Logger LOG = LoggerFactory.getLogger(PostgisEditor.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** pg_stat_force_next_flush came with PostgreSQL 15's statistics in shared memory. */
  private static final int FORCED_FLUSH_VERSION = 150000;
  /** INSERT, UPDATE and DELETE of {@code pg_relation_is_updatable}. */
  private static final int INSERT_UPDATE_DELETE = 8 | 4 | 16;

  private final DataSource pool;
  private final String label;
  private final Function<Collection, PostgisTable> tables;
  private final Map<String, WriteRules> rules = new ConcurrentHashMap<>();
  private volatile AuditTrail audit;
  private volatile boolean flushesStatistics;

  /** @param tables the table of each collection of the source */
  PostgisEditor(DataSource pool, String label, Function<Collection, PostgisTable> tables) {
    this.pool = pool;
    this.label = label;
    this.tables = tables;
  }

  @Override
  public void open(List<Collection> writable) {
    if (writable.isEmpty()) {
      return;
    }
    try (Connection connection = pool.getConnection()) {
      for (Collection collection : writable) {
        requireWritable(connection, collection);
      }
      flushesStatistics = connection.getMetaData().getDatabaseMajorVersion() * 10000 >= FORCED_FLUSH_VERSION;
      audit = AuditTrail.open(connection, label);
      LOG.info("{}: {} writable collections, writes recorded in {}", label, writable.size(), audit.table());
    } catch (SQLException e) {
      throw SqlErrors.translate("preparing the writable collections of " + label, e);
    }
  }

  private void requireWritable(Connection connection, Collection collection) throws SQLException {
    PostgisTable table = tables.apply(collection);
    // has_table_privilege with a list of privileges asks for any of them: each is asked alone
    try (PreparedStatement statement = connection.prepareStatement("SELECT bool_and(has_table_privilege(t, p)),"
        + " min(pg_relation_is_updatable(t, false) & ?) = ? FROM CAST(? AS regclass) t,"
        + " unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE']) p")) {
      statement.setInt(1, INSERT_UPDATE_DELETE);
      statement.setInt(2, INSERT_UPDATE_DELETE);
      statement.setString(3, table.qualifiedName());
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        String fix = "; or give no role of access.collections." + collection.id() + " write access";
        if (!rows.getBoolean(2)) {
          throw new ConfigException("access.collections." + collection.id() + ": " + table.schema() + "."
              + table.name() + " is a view PostgreSQL cannot insert into, update and delete from" + fix);
        }
        if (!rows.getBoolean(1)) {
          throw new ConfigException("access.collections." + collection.id() + ": the database user "
              + connection.getMetaData().getUserName() + " may not write " + table.schema() + "." + table.name()
              + "; GRANT SELECT, INSERT, UPDATE, DELETE ON " + table.qualifiedName() + " to it" + fix);
        }
      }
    }
    rules(collection);
  }

  @Override
  public WriteRules rules(Collection collection) {
    PostgisTable table = tables.apply(collection);
    return rules.computeIfAbsent(table.qualifiedName(), name -> readRules(table));
  }

  private WriteRules readRules(PostgisTable table) {
    Set<String> notNull = new HashSet<>();
    Set<String> defaulted = new HashSet<>();
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT attname, attnotnull,"
            + " atthasdef OR attidentity <> '' FROM pg_attribute WHERE attrelid = CAST(? AS regclass) AND attnum > 0"
            + " AND NOT attisdropped")) {
      statement.setString(1, table.qualifiedName());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          if (rows.getBoolean(2)) {
            notNull.add(rows.getString(1));
          }
          if (rows.getBoolean(3)) {
            defaulted.add(rows.getString(1));
          }
        }
      }
    } catch (SQLException e) {
      throw SqlErrors.translate("reading the columns of " + table.name(), e);
    }
    return new WriteRules(notNull, defaulted, notNull.contains(table.geometryColumn()),
        defaulted.contains(table.idColumn()));
  }

  @Override
  public WrittenFeature create(Collection collection, FeatureContent feature, String caller) {
    PostgisTable table = tables.apply(collection);
    Map<String, Object> values = new LinkedHashMap<>();
    if (feature.id() != null) {
      values.put(table.idColumn(), new ColumnValue(feature.id()));
    }
    if (feature.geometry() != null) {
      values.put(table.geometryColumn(), ewkb(table, feature.geometry()));
    }
    feature.properties().forEach((name, value) -> values.put(name, columnValue(table.column(name), value)));
    return inTransaction("creating a feature of " + collection.id(), connection -> {
      try (PreparedStatement statement = prepare(connection, new PostgisWriteSql(table).insert(values));
          ResultSet rows = statement.executeQuery()) {
        rows.next();
        String id = rows.getString(1);
        Written written = Written.read(rows, 2);
        requireInside(written);
        record(connection, caller, collection, id, Operation.CREATE, null, written.json());
        return new WrittenFeature(id, FeatureVersions.of(collection, written.hash()));
      }
    });
  }

  @Override
  public WrittenFeature replace(Collection collection, String featureId, FeatureContent feature,
      ExpectedVersion expected, String caller) {
    PostgisTable table = tables.apply(collection);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(table.geometryColumn(), ewkb(table, feature.geometry()));
    feature.properties().forEach((name, value) -> values.put(name, columnValue(table.column(name), value)));
    return change(collection, featureId, expected, caller, Operation.REPLACE, stored -> values);
  }

  @Override
  public WrittenFeature update(Collection collection, String featureId, FeaturePatch patch,
      ExpectedVersion expected, String caller) {
    PostgisTable table = tables.apply(collection);
    return change(collection, featureId, expected, caller, Operation.UPDATE, stored -> {
      Map<String, Object> values = new LinkedHashMap<>();
      if (patch.replacesGeometry()) {
        values.put(table.geometryColumn(), ewkb(table, patch.geometry()));
      }
      patch.properties().forEach((name, value) -> values.put(name,
          columnValue(table.column(name), patch.patched(name, stored.get(name)))));
      return values;
    });
  }

  @Override
  public void delete(Collection collection, String featureId, ExpectedVersion expected, String caller) {
    PostgisTable table = tables.apply(collection);
    PostgisWriteSql sql = new PostgisWriteSql(table);
    inTransaction("deleting feature " + featureId + " of " + collection.id(), connection -> {
      Written before = locked(connection, sql, collection, featureId, expected);
      try (PreparedStatement statement = prepare(connection, sql.delete(featureId))) {
        statement.executeUpdate();
      }
      record(connection, caller, collection, featureId, Operation.DELETE, before.json(), null);
      return null;
    });
  }

  /**
   * Locks the feature, checks the version, sets the columns {@code change} gives for the stored row (JSON by column
   * name), checks the row filter, records.
   */
  private WrittenFeature change(Collection collection, String featureId, ExpectedVersion expected, String caller,
      Operation operation, Function<JsonNode, Map<String, Object>> change) {
    PostgisWriteSql sql = new PostgisWriteSql(tables.apply(collection));
    String what = operation.name().toLowerCase(Locale.ROOT) + " of feature " + featureId + " of " + collection.id();
    return inTransaction(what, connection -> {
      Written before = locked(connection, sql, collection, featureId, expected);
      Map<String, Object> values = change.apply(JSON.readTree(before.json()));
      // an empty patch changes nothing: no UPDATE, which would count as a change of the data
      Written after = values.isEmpty() ? before : updated(connection, sql.update(featureId, values));
      requireInside(after);
      record(connection, caller, collection, featureId, operation, before.json(), after.json());
      return new WrittenFeature(featureId, FeatureVersions.of(collection, after.hash()));
    });
  }

  private static Written updated(Connection connection, SqlQuery update) throws SQLException {
    try (PreparedStatement statement = prepare(connection, update);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return Written.read(rows, 1);
    }
  }

  /**
   * The feature's row, locked, if the audience sees it and it has a version the client expects: else a 404 (no
   * expectation) or a 412.
   */
  private static Written locked(Connection connection, PostgisWriteSql sql, Collection collection, String featureId,
      ExpectedVersion expected) throws SQLException {
    Written row = null;
    try (PreparedStatement statement = prepare(connection, sql.lock(featureId));
        ResultSet rows = statement.executeQuery()) {
      if (rows.next()) {
        row = new Written(rows.getString(1), rows.getString(2), true);
      }
    } catch (SQLException e) {
      if (!SqlErrors.isDataException(e)) {
        throw e;
      }
      // an id that cannot be of the key's type names no feature
      connection.rollback();
    }
    if (row == null) {
      if (expected.isConditional()) {
        throw new PreconditionFailedException("Collection '" + collection.id() + "' has no feature '" + featureId
            + "', so If-Match does not hold");
      }
      throw new NotFoundException("Collection '" + collection.id() + "' has no feature '" + featureId + "'");
    }
    if (!expected.admits(FeatureVersions.of(collection, row.hash()))) {
      throw new PreconditionFailedException("Feature '" + featureId + "' has changed since the version of If-Match;"
          + " read it again and write the change anew");
    }
    return row;
  }

  /** A written row must still be one the audience sees (and may write). */
  private static void requireInside(Written written) {
    if (!written.inside()) {
      throw new UrbisException(403, "Forbidden", "The feature as written would lie outside the features of this"
          + " collection the caller may see and write; nothing was changed");
    }
  }

  private void record(Connection connection, String caller, Collection collection, String featureId,
      Operation operation, String before, String after) throws SQLException {
    AuditTrail trail = audit;
    if (trail == null) {
      throw new IllegalStateException("the writable collections of " + label + " were not opened");
    }
    try (PreparedStatement statement = prepare(connection,
        trail.record(caller, collection.id(), featureId, operation, before, after, flushesStatistics))) {
      statement.executeUpdate();
    }
  }

  /** A row as a write statement returns it: the hash of its visible content, its JSON, whether the filter holds it. */
  private record Written(String hash, String json, boolean inside) {

    static Written read(ResultSet rows, int first) throws SQLException {
      return new Written(rows.getString(first), rows.getString(first + 1), rows.getBoolean(first + 2));
    }
  }

  private interface Work<T> {
    T run(Connection connection) throws SQLException, JsonProcessingException;
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  private <T> T inTransaction(String what, Work<T> work) {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | JsonProcessingException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw WriteErrors.translate(what, e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("PostgreSQL wrote a row as JSON that does not parse", e);
    }
  }

  private static ColumnValue columnValue(PostgisColumn column, JsonNode value) {
    if (value == null || value.isNull()) {
      return new ColumnValue(null);
    }
    return new ColumnValue(switch (column.jsonType()) {
      case STRING, DATE, DATE_TIME -> value.textValue();
      case ARRAY -> ArrayLiterals.of(value);
      case OBJECT -> value.toString();
      default -> value.asText();
    });
  }

  /** The geometry as EWKB with its SRID and as many dimensions as the table's; null stays null. */
  private static byte[] ewkb(PostgisTable table, Geometry geometry) {
    return geometry == null ? null : new WKBWriter(table.is3d() ? 3 : 2, true).write(geometry);
  }

  private static PreparedStatement prepare(Connection connection, SqlQuery query) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(query.sql());
    for (int i = 0; i < query.binds().size(); i++) {
      Object bind = query.binds().get(i);
      if (bind instanceof ColumnValue value) {
        statement.setObject(i + 1, value.text(), Types.OTHER);
      } else {
        statement.setObject(i + 1, bind);
      }
    }
    LOG.debug("SQL with {} binds: {}", query.binds().size(), query.sql());
    return statement;
  }
}
