package io.urbis.source.geopackage;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.catalog.Collection;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import io.urbis.config.ConfigException;
import io.urbis.error.NotFoundException;
import io.urbis.error.PreconditionFailedException;
import io.urbis.error.UrbisException;
import io.urbis.query.Returnables;
import io.urbis.source.ExpectedVersion;
import io.urbis.source.FeatureContent;
import io.urbis.source.FeatureEditor;
import io.urbis.source.FeaturePatch;
import io.urbis.source.SourceFailureException;
import io.urbis.source.SourceUnavailableException;
import io.urbis.source.WriteRules;
import io.urbis.source.WrittenFeature;
import io.urbis.source.geopackage.AuditTrail.Operation;
import io.urbis.source.geopackage.TableColumns.Column;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Writes the features of a GeoPackage file (OGC API - Features Part 4). Each call is one SQLite transaction begun
 * with {@code BEGIN IMMEDIATE}, which takes the file's write lock at once: writers of this server queue on a fair
 * lock, writers of other programs wait for it up to the busy timeout. Under it the stored row is read, its version
 * compared, the row written, the R-tree kept current (by the file's triggers, which need {@link GeometryFunctions},
 * or else here), gpkg_contents' last_change and extent moved on, and the write recorded in the {@link AuditTrail}.
 *
 * <p>When some collection may be written, the file is switched to write-ahead logging (WAL) if it is in a rollback
 * journal mode and its folder can take the {@code -wal} and {@code -shm} files: readers then go on reading during a
 * write instead of waiting for its commit, and a long read no longer holds writes back. Like QGIS, the editor puts
 * the rollback journal back when it closes, so that the file is one file again.
 */
final class GeoPackageEditor implements FeatureEditor, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GeoPackageEditor.class);

  private final GeoPackageFile file;
  private final String label;
  /** Writers of this server take turns here rather than in SQLite's busy handler, which sleeps and retries. */
  private final ReentrantLock writing = new ReentrantLock(true);
  private final Map<String, WritableTable> tables = new ConcurrentHashMap<>();
  private volatile boolean journalSwitched;

  GeoPackageEditor(GeoPackageFile file, String label) {
    this.file = file;
    this.label = label;
  }

  @Override
  public void open(List<Collection> writable) {
    if (writable.isEmpty()) {
      return;
    }
    requireWritable(writable.get(0));
    try (Connection connection = file.openForWriting()) {
      GeometryFunctions.addTo(connection);
      useWriteAheadLog(connection);
      AuditTrail.create(connection);
      for (Collection collection : writable) {
        WritableTable table = WritableTable.read(connection, collection);
        requireCompiles(connection, collection, table);
        tables.put(collection.table(), table);
      }
    } catch (SQLException e) {
      throw new ConfigException("access.collections." + writable.get(0).id() + ": " + label + " cannot be written: "
          + e.getMessage());
    }
  }

  @Override
  public WriteRules rules(Collection collection) {
    WritableTable table = table(collection);
    List<Column> visible = visibleColumns(collection, table);
    return new WriteRules(
        visible.stream().filter(Column::notNull).map(Column::name).collect(Collectors.toSet()),
        visible.stream().filter(c -> c.defaultValue() != null).map(Column::name).collect(Collectors.toSet()),
        table.geometryRequired(), true);
  }

  @Override
  public WrittenFeature create(Collection collection, FeatureContent feature, String caller) {
    WritableTable table = table(collection);
    Long askedId = feature.id() == null ? null : FeatureIds.parse(feature.id());
    List<String> problems = new ArrayList<>();
    if (feature.id() != null && askedId == null) {
      problems.add("the feature ids of collection '" + collection.id() + "' are integers, not '" + feature.id() + "'");
    }
    Map<Column, Object> values = storedValues(collection, table, feature.properties(), problems);
    requireValues(collection, table, feature.properties(), true, problems);
    requireGeometry(table, feature.geometry(), problems);
    requireNoProblems(problems);
    return inTransaction(collection, connection -> {
      if (askedId != null && StoredRow.read(connection, table, askedId).isPresent()) {
        throw new UrbisException(409, "Conflict", "Collection '" + collection.id() + "' has a feature '" + askedId
            + "' already");
      }
      List<Column> columns = new ArrayList<>(values.keySet());
      try (PreparedStatement insert = connection.prepareStatement(EditorSql.insert(table, askedId != null,
          columns))) {
        int next = 1;
        if (askedId != null) {
          insert.setLong(next++, askedId);
        }
        bind(insert, next, table, feature.geometry(), columns, values);
        insert.executeUpdate();
      }
      long id = askedId != null ? askedId : lastInsertedId(connection);
      return written(connection, collection, table, id, Operation.CREATE, null, feature.geometry(), true, caller);
    });
  }

  @Override
  public WrittenFeature replace(Collection collection, String featureId, FeatureContent feature,
      ExpectedVersion expected, String caller) {
    WritableTable table = table(collection);
    List<String> problems = new ArrayList<>();
    Map<Column, Object> values = storedValues(collection, table, feature.properties(), problems);
    requireValues(collection, table, feature.properties(), false, problems);
    requireGeometry(table, feature.geometry(), problems);
    requireNoProblems(problems);
    return inTransaction(collection, connection -> {
      StoredRow before = visibleRow(connection, collection, table, featureId, expected);
      update(connection, table, before.id(), true, feature.geometry(), values);
      return written(connection, collection, table, before.id(), Operation.REPLACE, before, feature.geometry(), true,
          caller);
    });
  }

  @Override
  public WrittenFeature update(Collection collection, String featureId, FeaturePatch patch,
      ExpectedVersion expected, String caller) {
    WritableTable table = table(collection);
    List<String> problems = new ArrayList<>();
    Map<String, JsonNode> patched = new LinkedHashMap<>();
    // GeoPackage columns hold no JSON objects (DeclaredTypes), so no stored object is merged with a patch
    patch.properties().keySet().forEach(name -> patched.put(name, patch.patched(name, null)));
    Map<Column, Object> values = storedValues(collection, table, patched, problems);
    requireValues(collection, table, patched, false, problems);
    if (patch.replacesGeometry()) {
      requireGeometry(table, patch.geometry(), problems);
    }
    requireNoProblems(problems);
    return inTransaction(collection, connection -> {
      StoredRow before = visibleRow(connection, collection, table, featureId, expected);
      update(connection, table, before.id(), patch.replacesGeometry(), patch.geometry(), values);
      Geometry geometry = patch.replacesGeometry() ? patch.geometry() : null;
      return written(connection, collection, table, before.id(), Operation.UPDATE, before, geometry,
          patch.replacesGeometry(), caller);
    });
  }

  @Override
  public void delete(Collection collection, String featureId, ExpectedVersion expected, String caller) {
    WritableTable table = table(collection);
    inTransaction(collection, connection -> {
      StoredRow before = visibleRow(connection, collection, table, featureId, expected);
      try (PreparedStatement delete = connection.prepareStatement(EditorSql.delete(table))) {
        delete.setLong(1, before.id());
        delete.executeUpdate();
      }
      keepRtree(connection, table, before.id(), null);
      contentsChanged(connection, table, null);
      AuditTrail.record(connection, now(), caller, collection.id(), String.valueOf(before.id()), Operation.DELETE,
          before.json(), null);
      return null;
    });
  }

  /** Puts the rollback journal back if the editor switched the file to WAL; when readers still hold it, it stays. */
  @Override
  public void close() {
    if (!journalSwitched) {
      return;
    }
    try (Connection connection = file.openForWriting();
        Statement statement = connection.createStatement();
        ResultSet mode = statement.executeQuery(EditorSql.ROLLBACK_JOURNAL)) {
      mode.next();
      journalSwitched = !"delete".equalsIgnoreCase(mode.getString(1));
      LOG.info("{}: journal mode {} again", label, mode.getString(1));
    } catch (SQLException e) {
      LOG.info("{}: stays in WAL mode, as it is still in use: {}", label, e.getMessage());
    }
  }

  /** One write: the work runs in a transaction that holds the file's write lock, and commits when it returns. */
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T inTransaction(Collection collection, Work<T> work) {
    writing.lock();
    try (Connection connection = file.openForWriting()) {
      GeometryFunctions.addTo(connection);
      try (Statement statement = connection.createStatement()) {
        statement.execute("BEGIN IMMEDIATE");
      }
      try {
        T result = work.run(connection);
        try (Statement statement = connection.createStatement()) {
          statement.execute("COMMIT");
        }
        return result;
      } catch (SQLException | RuntimeException e) {
        rollBack(connection);
        throw e;
      }
    } catch (SQLException e) {
      throw failure(collection, e);
    } finally {
      writing.unlock();
    }
  }

  private void rollBack(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ROLLBACK");
    } catch (SQLException e) {
      // closing the connection rolls back what is left
      LOG.debug("{}: rollback failed", label, e);
    }
  }

  /** The exception an SQLite failure stands for: a full lock is a 503, a broken constraint the client's. */
  private RuntimeException failure(Collection collection, SQLException e) {
    SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode() : SQLiteErrorCode.UNKNOWN_ERROR;
    String name = code.name();
    if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
      return new SourceUnavailableException(label + " is locked by another writer", e);
    }
    if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY || code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
      return new UrbisException(409, "Conflict", "The feature conflicts with a stored one: a value the collection"
          + " keeps unique, such as the id, is taken");
    }
    if (name.startsWith("SQLITE_CONSTRAINT")) {
      // not SQLite's message, which may name columns hidden from the caller
      return new UrbisException(400, "InvalidRequestBody", "The feature breaks a rule of the collection's table"
          + " (a NOT NULL, check or trigger constraint)");
    }
    return new SourceFailureException("writing " + collection.table() + " in " + label + " failed", e);
  }

  /**
   * The stored row with the id {@code featureId} when the caller sees it and expects its version; absent or outside
   * the row filter, it fails the precondition of a conditional request (412) and is not found (404) otherwise.
   */
  private StoredRow visibleRow(Connection connection, Collection collection, WritableTable table, String featureId,
      ExpectedVersion expected) throws SQLException {
    Long id = FeatureIds.parse(featureId);
    Optional<StoredRow> row = id == null ? Optional.empty() : StoredRow.read(connection, table, id);
    if (row.isEmpty() || !isInRows(collection, row.get())) {
      if (expected.isConditional()) {
        throw new PreconditionFailedException("Collection '" + collection.id() + "' has no feature '" + featureId
            + "' to match If-Match");
      }
      throw new NotFoundException("Collection '" + collection.id() + "' has no feature '" + featureId + "'");
    }
    if (!expected.admits(visibleVersion(connection, collection, id))) {
      throw new PreconditionFailedException("Feature '" + featureId + "' of collection '" + collection.id()
          + "' has changed since the version If-Match names");
    }
    return row.get();
  }

  /**
   * After a write: the stored row must lie within the caller's rows (403 otherwise, and the transaction rolls back);
   * the R-tree and gpkg_contents follow the geometry when {@code geometryWritten}; the audit records the write.
   */
  private WrittenFeature written(Connection connection, Collection collection, WritableTable table, long id,
      Operation operation, StoredRow before, Geometry geometry, boolean geometryWritten, String caller)
      throws SQLException {
    StoredRow after = StoredRow.read(connection, table, id).orElseThrow(
        () -> new SQLException("feature " + id + " of " + table.table() + " was not written"));
    if (!isInRows(collection, after)) {
      throw new UrbisException(403, "Forbidden", "The feature would lie outside the features of collection '"
          + collection.id() + "' the caller may write");
    }
    if (geometryWritten) {
      keepRtree(connection, table, id, geometry);
    }
    contentsChanged(connection, table, geometryWritten ? geometry : null);
    AuditTrail.record(connection, now(), caller, collection.id(), String.valueOf(id), operation,
        before == null ? null : before.json(), after.json());
    return new WrittenFeature(String.valueOf(id), visibleVersion(connection, collection, id));
  }

  /** The version the caller reads of the feature, as {@link GeoPackageFeatureSource#get} gives it. */
  private String visibleVersion(Connection connection, Collection collection, long id) throws SQLException {
    String sql = EditorSql.row(table(collection), collection.properties().stream().map(Property::name).toList());
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, id);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return versionOf(row, collection);
      }
    }
  }

  /** The version of the current row of {@link EditorSql#row}'s query of the properties {@code collection} shows. */
  private static String versionOf(ResultSet row, Collection collection) throws SQLException {
    try {
      String properties = new PropertiesJsonWriter(collection.properties(), 3, Returnables.ALL).write(row);
      return FeatureVersion.of(collection, row.getBytes(2), properties.getBytes(StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new SQLException("writing the properties of a feature of " + collection.table() + " failed", e);
    }
  }

  /** Whether the row is one of those the collection holds (its row filter, whose literals are in CRS84). */
  private static boolean isInRows(Collection collection, StoredRow row) {
    CqlSelection rows = CqlSelection.of(null, collection.rowFilter());
    if (rows == null) {
      return true;
    }
    Geometry geometry = row.decodedGeometry();
    Geometry crs84 = geometry == null || geometry.isEmpty() ? null
        : Crs84Reprojector.forSrid(collection.srid()).toCrs84(geometry);
    return rows.matches(row.values(), crs84);
  }

  private void update(Connection connection, WritableTable table, long id, boolean withGeometry, Geometry geometry,
      Map<Column, Object> values) throws SQLException {
    List<Column> columns = new ArrayList<>(values.keySet());
    if (!withGeometry && columns.isEmpty()) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement(EditorSql.update(table, withGeometry, columns))) {
      int next = 1;
      if (withGeometry) {
        update.setBytes(next++, blob(table, geometry));
      }
      for (Column column : columns) {
        update.setObject(next++, values.get(column));
      }
      update.setLong(next, id);
      update.executeUpdate();
    }
  }

  private static void bind(PreparedStatement statement, int first, WritableTable table, Geometry geometry,
      List<Column> columns, Map<Column, Object> values) throws SQLException {
    statement.setBytes(first, blob(table, geometry));
    for (int i = 0; i < columns.size(); i++) {
      statement.setObject(first + 1 + i, values.get(columns.get(i)));
    }
  }

  private static byte[] blob(WritableTable table, Geometry geometry) {
    return geometry == null ? null : new GeoPackageGeometryWriter().write(geometry, table.srsId(), table.hasZ());
  }

  private static long lastInsertedId(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT last_insert_rowid()")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Keeps an R-tree that no trigger keeps: the feature's box, or no entry for no geometry. */
  private static void keepRtree(Connection connection, WritableTable table, long id, Geometry geometry)
      throws SQLException {
    if (table.rtree() == null || table.rtreeByTriggers()) {
      return;
    }
    boolean boxed = geometry != null && !geometry.isEmpty();
    String sql = boxed ? EditorSql.rtreeEntry(table.rtree()) : EditorSql.rtreeRemoval(table.rtree());
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, id);
      if (boxed) {
        bindBox(statement, 2, geometry.getEnvelopeInternal());
      }
      statement.executeUpdate();
    }
  }

  /**
   * Moves the table's last_change on, at least a millisecond past the one before, so that the table's data version
   * changes with every write ({@link GeoPackageFile#version(String)}); widens its extent to hold {@code geometry}.
   */
  private static void contentsChanged(Connection connection, WritableTable table, Geometry geometry)
      throws SQLException {
    Instant previous;
    try (PreparedStatement statement = connection.prepareStatement(EditorSql.LAST_CHANGE)) {
      statement.setString(1, table.table());
      try (ResultSet rows = statement.executeQuery()) {
        previous = rows.next() ? TemporalColumn.parse(rows.getString(1), JsonType.DATE_TIME) : null;
      }
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant change = previous != null && !now.isAfter(previous) ? previous.plusMillis(1) : now;
    String lastChange = TemporalColumn.format(change, JsonType.DATE_TIME);
    boolean boxed = geometry != null && !geometry.isEmpty();
    try (PreparedStatement statement = connection.prepareStatement(
        boxed ? EditorSql.CONTENTS_CHANGED : EditorSql.CONTENTS_TOUCHED)) {
      statement.setString(1, lastChange);
      if (boxed) {
        bindBox(statement, 2, geometry.getEnvelopeInternal());
        statement.setString(6, table.table());
      } else {
        statement.setString(2, table.table());
      }
      statement.executeUpdate();
    }
  }

  /** Binds a box from parameter {@code first} on as the R-tree orders it: min x, max x, min y, max y. */
  private static void bindBox(PreparedStatement statement, int first, Envelope box) throws SQLException {
    statement.setDouble(first, box.getMinX());
    statement.setDouble(first + 1, box.getMaxX());
    statement.setDouble(first + 2, box.getMinY());
    statement.setDouble(first + 3, box.getMaxY());
  }

  /**
   * The stored values of the named properties, by column; problems for values that do not fit, and for properties
   * the caller does not see, which are never written.
   */
  private static Map<Column, Object> storedValues(Collection collection, WritableTable table,
      Map<String, JsonNode> properties, List<String> problems) {
    Map<Column, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
      Optional<Column> column = collection.property(property.getKey()).isPresent()
          ? table.column(property.getKey()) : Optional.empty();
      if (column.isEmpty()) {
        problems.add("'" + property.getKey() + "' is not a property of the collection");
      } else {
        values.put(column.get(), ColumnValues.stored(column.get(), property.getValue(), problems));
      }
    }
    return values;
  }

  /**
   * Problems of NOT NULL columns: set to null, or on {@code create} not given where they have no default. A column
   * hidden from the caller is not named.
   */
  private static void requireValues(Collection collection, WritableTable table, Map<String, JsonNode> properties,
      boolean create, List<String> problems) {
    boolean hiddenMissing = false;
    for (Column column : table.columns()) {
      JsonNode given = properties.get(column.name());
      boolean missing = given == null ? create && column.defaultValue() == null : given.isNull();
      if (!column.notNull() || !missing) {
        continue;
      }
      if (collection.property(column.name()).isPresent()) {
        problems.add("'" + column.name() + "' must have a value");
      } else {
        hiddenMissing = true;
      }
    }
    if (hiddenMissing) {
      problems.add("the collection requires a value the caller cannot give; its table needs a default for it");
    }
  }

  private static void requireGeometry(WritableTable table, Geometry geometry, List<String> problems) {
    if (geometry == null && table.geometryRequired()) {
      problems.add("the feature must have a geometry");
    }
  }

  private static void requireNoProblems(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new UrbisException(400, "InvalidRequestBody", "The feature cannot be stored: "
          + String.join("; ", problems));
    }
  }

  private static List<Column> visibleColumns(Collection collection, WritableTable table) {
    Set<String> visible = collection.properties().stream().map(Property::name).collect(Collectors.toSet());
    return table.columns().stream().filter(c -> visible.contains(c.name())).toList();
  }

  private WritableTable table(Collection collection) {
    WritableTable table = tables.get(collection.table());
    if (table == null) {
      throw new IllegalArgumentException("collection " + collection.id() + " of " + label + " was not opened for"
          + " writing");
    }
    return table;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  private void requireWritable(Collection example) {
    Path path = file.path();
    if (!Files.isWritable(path)) {
      throw new ConfigException("access.collections." + example.id() + ": " + path + " is read-only for Urbis;"
          + " make it writable, or give no role write access");
    }
  }

  /** Switches a file in a rollback journal mode to WAL, where its folder allows the files WAL needs. */
  private void useWriteAheadLog(Connection connection) throws SQLException {
    String mode = journalMode(connection, EditorSql.JOURNAL_MODE);
    if (mode.equals("wal")) {
      return;
    }
    Path folder = file.path().getParent();
    if (!Set.of("delete", "truncate", "persist").contains(mode) || folder == null || !Files.isWritable(folder)) {
      LOG.warn("{}: stays in journal mode {}; readers wait while a write commits", label, mode);
      return;
    }
    String switched = journalMode(connection, EditorSql.WAL);
    journalSwitched = switched.equals("wal");
    if (journalSwitched) {
      LOG.info("{}: switched from journal mode {} to WAL while Urbis may write it, so that reads go on during"
          + " writes", label, mode);
    } else {
      LOG.warn("{}: stays in journal mode {} (WAL refused); readers wait while a write commits", label, switched);
    }
  }

  private static String journalMode(Connection connection, String pragma) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(pragma)) {
      rows.next();
      return rows.getString(1).toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Compiles every write of the table, which compiles its triggers too: a trigger calling a function Urbis does not
   * have would otherwise fail every write.
   */
  private static void requireCompiles(Connection connection, Collection collection, WritableTable table) {
    for (String sql : table.writeStatements()) {
      try (PreparedStatement ignored = connection.prepareStatement(sql)) {
        LOG.debug("{} compiles", sql);
      } catch (SQLException e) {
        throw new ConfigException("access.collections." + collection.id() + ": table " + table.table()
            + " cannot be written: " + e.getMessage() + "; remove the triggers that need what SQLite lacks, or give"
            + " no role write access");
      }
    }
  }
}
