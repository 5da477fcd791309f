package io.urbis.source.postgis;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.urbis.cache.FollowedData;
import io.urbis.catalog.Collection;
import io.urbis.catalog.DataExtent;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import io.urbis.catalog.RowFilter;
import io.urbis.catalog.SpatialExtent;
import io.urbis.catalog.TemporalExtent;
import io.urbis.crs.Crs;
import io.urbis.cql2.postgis.CompiledSql;
import io.urbis.cql2.postgis.PostgisSqlCompiler;
import io.urbis.error.InvalidParameterException;
import io.urbis.heatplan.HeatPlanComputation;
import io.urbis.query.Bbox;
import io.urbis.query.FeatureQuery;
import io.urbis.query.PageCursor;
import io.urbis.query.Paging;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureVersions;
import io.urbis.source.FeatureEditor;
import io.urbis.source.FeatureSource;
import io.urbis.source.FeatureStream;
import io.urbis.source.ModelSource;
import io.urbis.source.SourceSettings;
import io.urbis.tiles.LayerStatistics;
import io.urbis.tiles.ReducedLayer;
import io.urbis.tiles.TileCount;
import io.urbis.tiles.TileMatrix;
import io.urbis.tiles.TileMatrixSet;
import io.urbis.tiles.TileRequest;
import io.urbis.tiles.WholeLayerFloor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes the geometry tables of one PostgreSQL/PostGIS database. */
public final class PostgisFeatureSource implements FeatureSource {

  private static final Logger LOG = LoggerFactory.getLogger(PostgisFeatureSource.class);
  /**
   * Rows the driver fetches per round trip from the server-side cursor: a page of 1,000 features, a common page
   * size, and the row that tells whether another page follows come in one fetch, without a cursor's transaction.
   */
  private static final int FETCH_SIZE = 1001;
  /** A bbox is clipped to the data extent widened by this many degrees, so it can be projected safely. */
  private static final double CLIP_MARGIN_DEGREES = 1.0;

  private final DatabaseUrl url;
  private final List<String> schemas;
  private final PostgisFeatureSql sql;
  private final SnapshotFacts facts;
  private final HikariDataSource pool;
  private final Map<String, PostgisTable> tables = new ConcurrentHashMap<>();
  private final PostgisModelSource models;
  private final PostgisEditor editor;
  private final PostgisHeatPlan heatPlans;

  /** Connects at once, so a wrong URL or password fails here with the driver's own message. */
  public PostgisFeatureSource(DatabaseUrl url, SourceSettings settings, List<String> schemas) {
    this.url = url;
    this.schemas = List.copyOf(schemas);
    this.sql = new PostgisFeatureSql(settings.coordinatePrecision());
    this.facts = new SnapshotFacts(settings.filteredCountLimit());
    this.pool = new HikariDataSource(poolConfig(url));
    this.models = new PostgisModelSource(pool, this::table);
    this.editor = new PostgisEditor(pool, url.label(), this::table);
    this.heatPlans = new PostgisHeatPlan(pool, this::wholeTable, this::publish);
  }

  private static HikariConfig poolConfig(DatabaseUrl url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    config.setUsername(url.user());
    config.setPassword(url.password());
    config.setPoolName("urbis-" + url.label().replaceAll("[^A-Za-z0-9]+", "-"));
    config.setMaximumPoolSize(Math.max(4, Runtime.getRuntime().availableProcessors() * 4));
    config.setConnectionTimeout(5_000);
    config.setInitializationFailTimeout(1);
    config.addDataSourceProperty("ApplicationName", "urbis");
    config.addDataSourceProperty("options", "-c TimeZone=UTC -c statement_timeout=60000");
    config.addDataSourceProperty("connectTimeout", "5");
    return config;
  }

  @Override
  public String label() {
    return url.label();
  }

  @Override
  public List<Collection> discover() {
    try (Connection connection = pool.getConnection()) {
      List<Collection> collections = new ArrayList<>();
      for (PostgisTable table : PostgisDiscovery.discover(connection, schemas)) {
        Collection collection = toCollection(table);
        tables.put(collection.table(), table);
        collections.add(collection);
      }
      LOG.info("{}: {} collections", label(), collections.size());
      return collections;
    } catch (SQLException e) {
      throw SqlErrors.translate("discovering tables of " + label(), e);
    }
  }

  /**
   * The tables of {@code schema} named {@code names} (each must have a geometry column and a key), in that order, as
   * collections of this source: tables the source made itself, outside the schemas it publishes.
   */
  private List<Collection> publish(String schema, List<String> names) {
    try (Connection connection = pool.getConnection()) {
      Map<String, PostgisTable> found = PostgisDiscovery.discover(connection, List.of(schema)).stream()
          .collect(Collectors.toMap(PostgisTable::name, t -> t));
      List<Collection> collections = new ArrayList<>();
      for (String name : names) {
        PostgisTable table = found.get(name);
        if (table == null) {
          throw new IllegalStateException(schema + "." + name + " has no geometry column or no key");
        }
        Collection collection = toCollection(table);
        tables.put(collection.table(), table);
        collections.add(collection);
      }
      return collections;
    } catch (SQLException e) {
      throw SqlErrors.translate("reading tables of " + schema, e);
    }
  }

  /** The collection of a table, whose version and extent follow the table's data. */
  private Collection toCollection(PostgisTable table) {
    String id = table.schema().equals("public") ? table.name() : table.schema() + "." + table.name();
    List<Property> properties =
        table.columns().stream().map(c -> new Property(c.name(), c.jsonType())).toList();
    return new Collection(id, table.name(), "", table.schema() + "." + table.name(), table.idColumn(),
        table.idType(), table.geometryColumn(), table.geometryType(), table.srid(), table.is3d(), properties,
        table.temporalColumn(), new FollowedData(() -> dataVersion(table), () -> extent(table)), this);
  }

  @Override
  public DataExtent extent(Collection collection) {
    return extent(table(collection));
  }

  /** The extents of the rows the table's audience sees; of every row for a whole collection. */
  private DataExtent extent(PostgisTable table) {
    try (Connection connection = pool.getConnection()) {
      SnapshotFacts.TableExtent spatial =
          SnapshotFacts.readExtent(connection, table, PostgisStateSql.visibleExtent(table)).value();
      TemporalExtent temporal = table.temporalColumn() == null ? null
          : SnapshotFacts.readTemporalExtent(connection, PostgisStateSql.visibleTemporalExtent(table)).value();
      return new DataExtent(spatial == null ? null : spatial.crs84(), temporal);
    } catch (SQLException e) {
      throw SqlErrors.translate("reading the extent of " + table.name(), e);
    }
  }

  @Override
  public FeatureStream query(Collection collection, FeatureQuery query) {
    PostgisTable table = table(collection);
    requireUsableCursor(table, query.cursor());
    Connection connection = null;
    List<Bbox> boxes = List.of();
    try {
      connection = pool.getConnection();
      String snapshot = SnapshotFacts.snapshot(connection);
      if (query.bbox() != null) {
        boxes = clip(query.bbox(), facts.extent(connection, table, snapshot));
      }
      return openPage(connection, snapshot, table, query, boxes);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw pageFailure(e, table, query, boxes);
    }
  }

  /**
   * What a failed page query answers: a transform PostGIS could not do is the 400 of the CRS parameter that asked for
   * it, a value that does not fit its property a 400 of the filter, an unreachable database a 503, else a fault.
   */
  private RuntimeException pageFailure(SQLException e, PostgisTable table, FeatureQuery query, List<Bbox> boxes) {
    Optional<InvalidParameterException> outsideDomain = TransformFailures.ofPage(e, table, query, boxes, pool);
    if (outsideDomain.isPresent()) {
      return outsideDomain.get();
    }
    if (SqlErrors.isDataException(e)) {
      return new InvalidParameterException("filter",
          "a value does not fit the type of its property, or arithmetic on it failed (overflow, division)");
    }
    return SqlErrors.translate("querying " + table.name(), e);
  }

  /**
   * Runs the page query, after what it needs to know of the data as it is now (the extent a bbox was clipped to, in
   * {@code boxes}) and numberMatched. A forward page keeps the connection open until the stream is closed.
   */
  private FeatureStream openPage(Connection connection, String snapshot, PostgisTable table, FeatureQuery query,
      List<Bbox> boxes) throws SQLException {
    OptionalLong matched = facts.matched(connection, table, PostgisCountSql.selection(table, query, boxes), snapshot);
    if (query.limit() + 1 > FETCH_SIZE) {
      // a server-side cursor (fetching in batches) needs a transaction; a page that fits one fetch saves the
      // BEGIN and ROLLBACK round trips
      connection.setAutoCommit(false);
    }
    PreparedStatement statement = prepare(connection, sql.features(table, query, boxes));
    statement.setFetchSize(FETCH_SIZE);
    ResultSet rows = statement.executeQuery();
    PageCursor cursor = query.cursor();
    if (cursor != null && cursor.direction() == PageCursor.Direction.BEFORE) {
      try {
        return previousPage(rows, table, query.limit(), matched);
      } finally {
        closeQuietly(rows, statement, connection);
      }
    }
    return new PostgisFeatureStream(connection, statement, rows, table.idType(), query, matched,
        e -> pageFailure(e, table, query, boxes));
  }

  /** A cursor key is the id of a feature next to the page: for integer keys, it must be an integer. */
  private static void requireUsableCursor(PostgisTable table, PageCursor cursor) {
    if (cursor == null || cursor.key() == null || table.idType() != JsonType.INTEGER) {
      return;
    }
    try {
      Long.parseLong(cursor.key());
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("cursor", "not a cursor this server issued");
    }
  }

  /** The rows came newest-first (ORDER BY key DESC); the page is them reversed. */
  private static FeatureStream previousPage(ResultSet rows, PostgisTable table, int limit, OptionalLong matched)
      throws SQLException {
    List<EncodedFeature> features = new ArrayList<>();
    boolean moreBefore = false;
    while (rows.next()) {
      if (features.size() == limit) {
        moreBefore = true;
        break;
      }
      features.add(PostgisFeatureStream.read(rows, table.idType()));
    }
    Collections.reverse(features);
    if (features.isEmpty()) {
      return new BufferedFeatureStream(features, Paging.NONE, matched);
    }
    PageCursor next = PageCursor.after(features.get(features.size() - 1).id());
    PageCursor prev = moreBefore ? PageCursor.before(features.get(0).id()) : null;
    return new BufferedFeatureStream(features, new Paging(next, prev), matched);
  }

  /**
   * A geographic bbox split at the antimeridian and clipped to the data extent (widened), because a box far outside
   * a projected CRS's area cannot be transformed into it meaningfully. Boxes that miss the data are dropped. A
   * projected bbox lies within its own CRS's area already and is kept as it is.
   */
  static List<Bbox> clip(Bbox bbox, SpatialExtent extent) {
    List<Bbox> boxes = bbox.splitAtAntimeridian();
    if (extent == null || !bbox.crs().geographic()) {
      return boxes;
    }
    double minLon = Math.max(-180, extent.minLon() - CLIP_MARGIN_DEGREES);
    double minLat = Math.max(-90, extent.minLat() - CLIP_MARGIN_DEGREES);
    double maxLon = Math.min(180, extent.maxLon() + CLIP_MARGIN_DEGREES);
    double maxLat = Math.min(90, extent.maxLat() + CLIP_MARGIN_DEGREES);
    List<Bbox> clipped = new ArrayList<>();
    for (Bbox box : boxes) {
      Bbox inside = new Bbox(Math.max(box.minX(), minLon), Math.max(box.minY(), minLat),
          Math.min(box.maxX(), maxLon), Math.min(box.maxY(), maxLat), box.crs(), box.heights());
      if (inside.minX() <= inside.maxX() && inside.minY() <= inside.maxY()) {
        clipped.add(inside);
      }
    }
    return clipped;
  }

  @Override
  public Optional<EncodedFeature> get(Collection collection, String featureId, Crs crs) {
    PostgisTable table = table(collection);
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = prepare(connection, sql.feature(table, featureId, crs));
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        return Optional.empty();
      }
      EncodedFeature feature = PostgisFeatureStream.read(rows, table.idType());
      return Optional.of(new EncodedFeature(feature.id(), feature.geometry(), feature.properties(),
          FeatureVersions.of(collection, rows.getString(4))));
    } catch (SQLException e) {
      if (SqlErrors.isDataException(e)) {
        return Optional.empty();
      }
      throw TransformFailures.ofFeature(e, table, crs).map(RuntimeException.class::cast)
          .orElseGet(() -> SqlErrors.translate("reading feature of " + collection.id(), e));
    }
  }

  @Override
  public byte[] tile(Collection collection, TileRequest request) {
    return layer(collection, request).tile();
  }

  @Override
  public ReducedLayer reducedTile(Collection collection, TileRequest request) {
    return layer(collection, request);
  }

  /** The layer's tile; for a reduced one also the occupied cells of coarser levels its statement counts. */
  private ReducedLayer layer(Collection collection, TileRequest request) {
    PostgisTable table = table(collection);
    Envelope window = request.crs84WindowNear(collection.spatialExtent());
    if (window != null && window.isNull()) {
      return new ReducedLayer(new byte[0], List.of());
    }
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = prepare(connection, PostgisTileSql.tile(table, collection.id(), request, window));
        ResultSet rows = statement.executeQuery()) {
      byte[] tile = rows.next() ? rows.getBytes(1) : null;
      List<Long> occupied = request.reduction() == null ? List.of() : List.of((Long[]) rows.getArray(2).getArray());
      return new ReducedLayer(tile == null ? new byte[0] : tile, occupied);
    } catch (SQLException e) {
      throw SqlErrors.translate("building a tile of " + collection.id(), e);
    }
  }

  @Override
  public WholeLayerFloor wholeTileFloor(Collection collection, TileRequest request) {
    PostgisTable table = table(collection);
    Envelope window = request.crs84WindowNear(collection.spatialExtent());
    if (window != null && window.isNull()) {
      return WholeLayerFloor.NONE;
    }
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = prepare(connection, PostgisTileSql.floorCounts(table, request, window));
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return WholeLayerFloor.of(collection.geometryType(), rows.getLong(1), rows.getLong(2),
          table.idType() == JsonType.INTEGER);
    } catch (SQLException e) {
      throw SqlErrors.translate("counting the features of a tile of " + collection.id(), e);
    }
  }

  @Override
  public LayerStatistics tileStatistics(Collection collection, TileMatrixSet set, TileMatrix matrix) {
    PostgisTable table = table(collection);
    Envelope window = TileRequest.crs84WindowNear(set, null, collection.spatialExtent());
    if (window != null && window.isNull()) {
      return LayerStatistics.UNKNOWN;
    }
    List<TileCount> counts = new ArrayList<>();
    double smallestArea = Double.NaN;
    double shortestLength = Double.NaN;
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = prepare(connection, PostgisTileSql.statistics(table, set, matrix, window));
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        counts.add(new TileCount(rows.getLong(2), rows.getLong(1), rows.getLong(3)));
        smallestArea = smaller(smallestArea, rows.getObject(4));
        shortestLength = smaller(shortestLength, rows.getObject(5));
      }
      return new LayerStatistics(counts, smallestArea, shortestLength);
    } catch (SQLException e) {
      throw SqlErrors.translate("measuring the features of " + collection.id() + " for tiles", e);
    }
  }

  /** The smaller of a minimum so far (NaN for none yet) and a group's (null for none). */
  private static double smaller(double least, Object value) {
    if (value == null) {
      return least;
    }
    double number = ((Number) value).doubleValue();
    return Double.isNaN(least) ? number : Math.min(least, number);
  }

  @Override
  public String dataVersion(Collection collection) {
    return dataVersion(wholeTable(collection));
  }

  private String dataVersion(PostgisTable table) {
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = prepare(connection, PostgisStateSql.dataVersion(table));
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getString(1);
    } catch (SQLException e) {
      throw SqlErrors.translate("reading the data version of " + table.name(), e);
    }
  }

  @Override
  public Optional<ModelSource> models() {
    return Optional.of(models);
  }

  @Override
  public Optional<FeatureEditor> editor() {
    return Optional.of(editor);
  }

  @Override
  public Optional<HeatPlanComputation> heatPlans() {
    return Optional.of(heatPlans);
  }

  @Override
  public boolean isReachable() {
    try (Connection connection = pool.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  public PoolStatistics poolStatistics() {
    var bean = pool.getHikariPoolMXBean();
    return bean == null ? new PoolStatistics(0, 0, 0, 0) : new PoolStatistics(bean.getActiveConnections(),
        bean.getIdleConnections(), bean.getTotalConnections(), bean.getThreadsAwaitingConnection());
  }

  @Override
  public void close() {
    pool.close();
  }

  /**
   * The table as the collection shows it, which every read goes through: the whole table for a whole collection (its
   * statements stay as they were), else only the collection's properties and the rows its row filter holds, the
   * filter compiled against all the table's columns, as it may name properties hidden from the audience.
   */
  private PostgisTable table(Collection collection) {
    PostgisTable whole = wholeTable(collection);
    if (collection.isWhole()) {
      return whole;
    }
    RowFilter filter = collection.rowFilter();
    CompiledSql rows = filter == null ? null
        : new PostgisSqlCompiler(filter.queryables(), new TableColumns(whole)).compile(filter.expression());
    return whole.narrowed(collection.properties().stream().map(Property::name).collect(Collectors.toSet()), rows);
  }

  private PostgisTable wholeTable(Collection collection) {
    PostgisTable table = tables.get(collection.table());
    if (table == null) {
      throw new IllegalStateException("collection " + collection.id() + " is not from " + label());
    }
    return table;
  }

  static PreparedStatement prepare(Connection connection, SqlQuery query) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(query.sql());
    for (int i = 0; i < query.binds().size(); i++) {
      statement.setObject(i + 1, query.binds().get(i));
    }
    LOG.debug("SQL with {} binds: {}", query.binds().size(), query.sql());
    return statement;
  }

  static void closeQuietly(AutoCloseable... resources) {
    for (AutoCloseable resource : resources) {
      if (resource == null) {
        continue;
      }
      try {
        if (resource instanceof Connection connection && !connection.getAutoCommit()) {
          connection.rollback();
        }
        resource.close();
      } catch (Exception e) {
        LOG.debug("closing {} failed: {}", resource.getClass().getSimpleName(), e.getMessage());
      }
    }
  }
}
