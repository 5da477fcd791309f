package io.urbis.source.geopackage;

import io.urbis.catalog.DataExtent;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import io.urbis.catalog.SpatialExtent;
import io.urbis.catalog.TemporalExtent;
import io.urbis.source.SourceFailureException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.locationtech.jts.geom.Envelope;

/**
 * The spatial extent (CRS84) and temporal extent of a feature table, as its data is now: the spatial extent from
 * the R-tree, which SQLite keeps up to date with every write, else from reading every geometry. The informative box
 * of gpkg_contents is not used: a program that writes features need not update it.
 */
final class GeoPackageExtents {

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
      TableExtent spatial = spatial(connection, table.table(), table.geometryColumn(), table.epsg());
      return new DataExtent(spatial == null ? null : spatial.crs84(),
          temporal == null ? null : temporal(connection, table.table(), temporal.name(), temporal.type()));
    } catch (SQLException e) {
      throw new SourceFailureException("reading the extent of " + table.table() + " in " + file.path() + " failed", e);
    }
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
