package io.urbis.source.geopackage;

import io.urbis.catalog.Collection;
import io.urbis.catalog.DataExtent;
import io.urbis.crs.Crs;
import io.urbis.heatplan.HeatPlanComputation;
import io.urbis.query.FeatureQuery;
import io.urbis.query.Returnables;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureEditor;
import io.urbis.source.FeatureSource;
import io.urbis.source.FeatureStream;
import io.urbis.source.ModelSource;
import io.urbis.source.SourceFailureException;
import io.urbis.source.SourceSettings;
import io.urbis.source.SourceUnavailableException;
import io.urbis.source.geopackage.GeoPackageExtents.TableExtent;
import io.urbis.tiles.LayerStatistics;
import io.urbis.tiles.ReducedLayer;
import io.urbis.tiles.TileMatrix;
import io.urbis.tiles.TileMatrixSet;
import io.urbis.tiles.TileRequest;
import io.urbis.tiles.WholeLayerFloor;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the feature tables of a GeoPackage file. SQLite selects by id order, datetime and R-tree candidates;
 * Java decodes GeoPackageBinary, reprojects to CRS84 with proj4j and applies the exact bbox test, CQL2 filters and the
 * row filter of a collection narrowed for an audience. Thread-safe: every read opens its own read-only connection;
 * writes go through the {@link #editor()}.
 */
public final class GeoPackageFeatureSource implements FeatureSource {

  private static final Logger LOG = LoggerFactory.getLogger(GeoPackageFeatureSource.class);

  private final GeoPackageFile file;
  private final SourceSettings settings;
  private final FileFacts facts;
  private final GeoPackageModelSource models;
  /** The whole collection of each table as last discovered, which holds the columns a narrowed one hides. */
  private final Map<String, Collection> tables = new ConcurrentHashMap<>();
  private final GeoPackageEditor editor;
  private final GeoPackageHeatPlans heatPlans;

  /**
   * Opens {@code file}.
   *
   * @throws IllegalArgumentException naming the file when it is missing, not a SQLite file or not a GeoPackage
   */
  public GeoPackageFeatureSource(Path file, SourceSettings settings) {
    this.file = new GeoPackageFile(file);
    this.settings = settings;
    this.facts = new FileFacts(this.file);
    this.models = new GeoPackageModelSource(this.file, this::read);
    this.file.requireGeoPackage();
    this.editor = new GeoPackageEditor(this.file, label());
    this.heatPlans = new GeoPackageHeatPlans(this.file, settings, GeoPackageHeatPlans.defaultDirectory());
  }

  @Override
  public String label() {
    return "GeoPackage " + file.path();
  }

  /** @throws IllegalArgumentException naming the file when it is no longer a readable GeoPackage */
  @Override
  public List<Collection> discover() {
    file.requireGeoPackage();
    try (Connection connection = file.open()) {
      List<Collection> collections = new GeoPackageCatalogReader(this, file).read(connection);
      collections.forEach(collection -> tables.put(collection.table(), collection));
      return collections;
    } catch (SQLException e) {
      throw new SourceFailureException("discovering the tables of " + label() + " failed", e);
    }
  }

  @Override
  public FeatureStream query(Collection collection, FeatureQuery query) {
    CollectionRead read = read(collection);
    // when Java decides which rows match (bbox, CQL2, row filter), SQL's LIMIT cannot cut the page
    PageWindow page = new PageWindow(query,
        query.bbox() != null || query.filter() != null || collection.rowFilter() != null);
    if (page.isUnusable()) {
      return new EmptyPage();
    }
    Connection connection = open();
    PreparedStatement statement = null;
    try {
      TableExtent extent = query.bbox() == null ? null
          : facts.extent(connection, collection, file.exactVersion());
      QueryPlan plan = QueryPlan.of(connection, collection, query, extent == null ? null : extent.crs84());
      SqlStatement sql = GeoPackageSql.features(read, plan.sql(), page, query.sortby());
      LOG.debug("{}: {} ({} binds)", label(), sql.sql(), sql.binds().size());
      statement = sql.prepare(connection);
      MatchCounter counter = new MatchCounter(facts, settings, read, query, plan);
      FeatureRows rows = new FeatureRows(read, settings, plan.bbox(), plan.cql(), query.crs(), query.returnables());
      return new GeoPackageFeatureStream(connection, statement, rows, page, counter, label());
    } catch (SQLException | RuntimeException e) {
      JdbcResources.closeQuietly(statement, connection);
      throw e instanceof RuntimeException runtime
          ? runtime
          : new SourceFailureException("querying " + collection.table() + " in " + label() + " failed", e);
    }
  }

  @Override
  public Optional<EncodedFeature> get(Collection collection, String featureId, Crs crs) {
    CollectionRead read = read(collection);
    Long id = FeatureIds.parse(featureId);
    if (id == null) {
      return Optional.empty();
    }
    try (Connection connection = open();
        PreparedStatement statement = GeoPackageSql.feature(read, id).prepare(connection);
        ResultSet row = statement.executeQuery()) {
      if (!row.next()) {
        return Optional.empty();
      }
      FeatureRows rows = new FeatureRows(read, settings, null, CqlSelection.of(null, read.rowFilter()), crs,
          Returnables.ALL);
      Geometry crs84 = rows.crs84GeometryIfMatching(row);
      // a feature outside the row filter is as absent as one that does not exist
      if (crs84 == null) {
        return Optional.empty();
      }
      EncodedFeature feature = rows.encode(row, crs84);
      return Optional.of(new EncodedFeature(feature.id(), feature.geometry(), feature.properties(),
          FeatureVersion.of(collection, row.getBytes(2), feature.properties())));
    } catch (SQLException | IOException e) {
      throw new SourceFailureException("reading feature " + id + " of " + collection.table() + " failed", e);
    }
  }

  @Override
  public byte[] tile(Collection collection, TileRequest request) {
    return reducedTile(collection, request).tile();
  }

  @Override
  public ReducedLayer reducedTile(Collection collection, TileRequest request) {
    return withTileReader(collection, request.tileMatrixSet(), "building a tile",
        (reader, connection) -> reader.tile(connection, request));
  }

  @Override
  public WholeLayerFloor wholeTileFloor(Collection collection, TileRequest request) {
    return withTileReader(collection, request.tileMatrixSet(), "counting a tile",
        (reader, connection) -> reader.wholeTileFloor(connection, request));
  }

  @Override
  public LayerStatistics tileStatistics(Collection collection, TileMatrixSet set, TileMatrix matrix) {
    return withTileReader(collection, set, "measuring the features for tiles",
        (reader, connection) -> reader.statistics(connection, matrix));
  }

  /** What a tile reader of the collection in {@code set} answers on a connection of its own. */
  private <T> T withTileReader(Collection collection, TileMatrixSet set, String work, TileReading<T> reading) {
    CollectionRead read = read(collection);
    try (Connection connection = open()) {
      return reading.read(new GeoPackageTileReader(read, set), connection);
    } catch (SQLException e) {
      throw new SourceFailureException(work + " of " + collection.table() + " in " + label() + " failed", e);
    }
  }

  @Override
  public DataExtent extent(Collection collection) {
    return GeoPackageExtents.read(file, read(collection));
  }

  private interface TileReading<T> {
    T read(GeoPackageTileReader reader, Connection connection) throws SQLException;
  }

  /**
   * The file's version and the table's last_change: SQLite keeps no change counter per table, and the file's time
   * and size need not change with a quick second write.
   */
  @Override
  public String dataVersion(Collection collection) {
    requireOwn(collection);
    return file.version(collection.table());
  }

  @Override
  public Optional<FeatureEditor> editor() {
    return Optional.of(editor);
  }

  @Override
  public Optional<ModelSource> models() {
    return Optional.of(models);
  }

  @Override
  public Optional<HeatPlanComputation> heatPlans() {
    return Optional.of(heatPlans);
  }

  @Override
  public boolean isReachable() {
    try (Connection connection = file.open();
        PreparedStatement statement = connection.prepareStatement(GeoPackageSql.COUNT_METADATA_TABLES);
        ResultSet rows = statement.executeQuery()) {
      return rows.next() && rows.getInt(1) == 2;
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Closes the connection that watches the file, then the editor; the others live only as long as a call or a
   * stream.
   */
  @Override
  public void close() {
    file.close();
    editor.close();
    heatPlans.close();
  }

  private Connection open() {
    try {
      return file.open();
    } catch (SQLException e) {
      throw new SourceUnavailableException("cannot open " + label(), e);
    }
  }

  /**
   * What reading {@code collection}, whole or narrowed, selects. The hidden columns its row filter names come from
   * the whole collection this source discovered for its table.
   */
  private CollectionRead read(Collection collection) {
    requireOwn(collection);
    if (collection.rowFilter() == null) {
      return CollectionRead.of(collection, collection);
    }
    Collection table = tables.get(collection.table());
    if (table == null) {
      throw new IllegalArgumentException("table " + collection.table() + " of collection " + collection.id()
          + " was not discovered in " + label());
    }
    return CollectionRead.of(collection, table);
  }

  /** Table and column names in SQL must come from this source's own catalog. */
  private void requireOwn(Collection collection) {
    if (collection.source() != this) {
      throw new IllegalArgumentException("collection " + collection.id() + " is not served by " + label());
    }
  }
}
