package io.urbis.source.geopackage;

import io.urbis.catalog.Collection;
import io.urbis.catalog.DataExtent;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import io.urbis.catalog.SpatialExtent;
import io.urbis.catalog.TemporalExtent;
import io.urbis.crs.OutsideDomainException;
import io.urbis.source.SourceFailureException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The spatial extent (CRS84) and temporal extent of a feature table, as its data is now: the spatial extent from
 * the R-tree, which SQLite keeps up to date with every write, else from reading every geometry. The informative box
 * of gpkg_contents is not used: a program that writes features need not update it. Those of the rows a row filter
 * lets through come from reading every row.
 */
final class GeoPackageExtents {

  /** The result column of the geometry in feature queries: after the id. */
  private static final int GEOMETRY_COLUMN = 2;

  private GeoPackageExtents() {}

  /**
   * Where a table's geometries are.
   *
   * @param storage the box in the storage CRS that holds every geometry
   * @param crs84 the extent in CRS84 that holds every geometry moved there
   */
  record TableExtent(Envelope storage, SpatialExtent crs84) {}

  /** Both extents of a table, read on a connection of their own. */
  static DataExtent read(GeoPackageFile file, FeatureTable table, Property temporal) {
    try (Connection connection = file.open()) {
      return everyRow(connection, table.table(), table.geometryColumn(), table.epsg(), temporal);
    } catch (SQLException e) {
      throw failure(file, table.table(), e);
    }
  }

  /**
   * Both extents of the rows a read of a collection sees, on a connection of their own: of every row without a row
   * filter; else of the rows it lets through, found by testing each row in Java as pages do, and as exact as the
   * extent of a table that holds only them without an R-tree.
   */
  static DataExtent read(GeoPackageFile file, CollectionRead read) {
    Collection collection = read.collection();
    Property temporal = collection.temporalProperty() == null
        ? null : collection.property(collection.temporalProperty()).orElseThrow();
    try (Connection connection = file.open()) {
      return read.rowFilter() == null
          ? everyRow(connection, collection.table(), collection.geometryColumn(), collection.srid(), temporal)
          : filteredRows(connection, read, temporal);
    } catch (SQLException e) {
      throw failure(file, collection.table(), e);
    }
  }

  private static DataExtent everyRow(Connection connection, String table, String geometryColumn, int srid,
      Property temporal) throws SQLException {
    TableExtent spatial = spatial(connection, table, geometryColumn, srid);
    return new DataExtent(spatial == null ? null : spatial.crs84(),
        temporal == null ? null : temporal(connection, table, temporal.name(), temporal.type()));
  }

  /**
   * The extents of the rows the read's row filter lets through: the storage box of their geometries, moved to CRS84
   * as a table's is, and the first and last of their times.
   */
  private static DataExtent filteredRows(Connection connection, CollectionRead read, Property temporal)
      throws SQLException {
    CqlSelection rows = CqlSelection.of(null, read.rowFilter());
    Crs84Reprojector reprojector = Crs84Reprojector.forSrid(read.collection().srid());
    GeoPackageGeometryReader reader = new GeoPackageGeometryReader();
    int timeColumn = CollectionRead.FIRST_PROPERTY_COLUMN + read.columns().size();
    Envelope storage = new Envelope();
    Instant start = null;
    Instant end = null;
    try (PreparedStatement statement = GeoPackageSql.allFeaturesWithTime(read, temporal).prepare(connection);
        ResultSet row = statement.executeQuery()) {
      while (row.next()) {
        byte[] blob = row.getBytes(GEOMETRY_COLUMN);
        Geometry geometry = blob == null ? null : reader.read(blob);
        Envelope box = geometry == null ? new Envelope() : new Envelope(geometry.getEnvelopeInternal());
        if (!rows.matches(read.values(row), box.isNull() ? null : crs84(reprojector, geometry))) {
          continue;
        }
        storage.expandToInclude(box);
        Instant time = temporal == null ? null : TemporalColumn.parse(row.getString(timeColumn), temporal.type());
        if (time != null) {
          start = start == null || time.isBefore(start) ? time : start;
          end = end == null || time.isAfter(end) ? time : end;
        }
      }
    }
    TableExtent spatial = inCrs84(storage, read.collection().srid());
    return new DataExtent(spatial == null ? null : spatial.crs84(),
        start == null ? null : new TemporalExtent(start, end));
  }

  /** The geometry moved to CRS84 to be tested, or null (tested as no geometry) when it cannot be moved there. */
  private static Geometry crs84(Crs84Reprojector reprojector, Geometry geometry) {
    try {
      return reprojector.toCrs84(geometry);
    } catch (OutsideDomainException e) {
      return null;
    }
  }

  private static SourceFailureException failure(GeoPackageFile file, String table, SQLException e) {
    return new SourceFailureException("reading the extent of " + table + " in " + file.path() + " failed", e);
  }

  /**
   * The extent of the geometries of a table stored in {@code srid}, or null when it has none or they cannot be moved
   * to CRS84.
   */
  static TableExtent spatial(Connection connection, String table, String geometryColumn, int srid)
      throws SQLException {
    String rtree = RtreeLookup.find(connection, table, geometryColumn);
    Envelope storage = rtree != null
        ? rtreeEnvelope(connection, rtree) : scannedEnvelope(connection, table, geometryColumn);
    return inCrs84(storage, srid);
  }

  /** The extent of geometries in the box {@code storage} of {@code srid}, or null as above. */
  private static TableExtent inCrs84(Envelope storage, int srid) {
    Envelope crs84 = storage.isNull() ? null : Crs84Reprojector.forSrid(srid).toCrs84Holding(storage);
    if (crs84 == null) {
      return null;
    }
    return new TableExtent(storage, new SpatialExtent(
        Math.max(crs84.getMinX(), -180), Math.max(crs84.getMinY(), -90),
        Math.min(crs84.getMaxX(), 180), Math.min(crs84.getMaxY(), 90)));
  }

  /** The earliest and latest value of a DATE or DATETIME column, or null when it has no valid value. */
  static TemporalExtent temporal(Connection connection, String table, String column, JsonType type)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(GeoPackageSql.temporalExtent(table, column, type))) {
      rows.next();
      TemporalExtent extent = new TemporalExtent(
          TemporalColumn.parse(rows.getString(1), type), TemporalColumn.parse(rows.getString(2), type));
      return extent.start() == null && extent.end() == null ? null : extent;
    }
  }

  private static Envelope rtreeEnvelope(Connection connection, String rtree) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(GeoPackageSql.rtreeEnvelope(rtree))) {
      rows.next();
      double minX = rows.getDouble(1);
      return rows.wasNull()
          ? new Envelope()
          : new Envelope(minX, rows.getDouble(3), rows.getDouble(2), rows.getDouble(4));
    }
  }

  private static Envelope scannedEnvelope(Connection connection, String table, String geometryColumn)
      throws SQLException {
    GeoPackageGeometryReader reader = new GeoPackageGeometryReader();
    Envelope envelope = new Envelope();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(GeoPackageSql.geometries(table, geometryColumn))) {
      while (rows.next()) {
        byte[] blob = rows.getBytes(1);
        if (blob != null) {
          envelope.expandToInclude(reader.read(blob).getEnvelopeInternal());
        }
      }
    }
    return envelope;
  }
}
