package io.urbis.source.geopackage;

import io.urbis.catalog.JsonType;
import io.urbis.catalog.SpatialExtent;
import io.urbis.catalog.TemporalExtent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.locationtech.jts.geom.Envelope;

/**
 * The spatial extent (CRS84) and temporal extent of a feature table. The spatial extent comes from the
 * gpkg_contents box when the file states one, else from the R-tree, else from reading every geometry.
 */
final class GeoPackageExtents {

  private GeoPackageExtents() {}

  /** The CRS84 extent, or null when the table is empty or its box cannot be projected. */
  static SpatialExtent spatial(Connection connection, FeatureTable table, Crs84Reprojector reprojector)
      throws SQLException {
    if (!hasRows(connection, table.table())) {
      return null;
    }
    Envelope storage = table.contentsBox() != null ? table.contentsBox() : dataEnvelope(connection, table);
    Envelope crs84 = storage.isNull() ? null : reprojector.toCrs84(storage);
    if (crs84 == null) {
      return null;
    }
    return new SpatialExtent(
        Math.max(crs84.getMinX(), -180), Math.max(crs84.getMinY(), -90),
        Math.min(crs84.getMaxX(), 180), Math.min(crs84.getMaxY(), 90));
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

  private static boolean hasRows(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(GeoPackageSql.hasRows(table))) {
      return rows.next() && rows.getBoolean(1);
    }
  }

  private static Envelope dataEnvelope(Connection connection, FeatureTable table) throws SQLException {
    String rtree = RtreeLookup.find(connection, table.table(), table.geometryColumn());
    return rtree != null ? rtreeEnvelope(connection, rtree) : scannedEnvelope(connection, table);
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

  private static Envelope scannedEnvelope(Connection connection, FeatureTable table) throws SQLException {
    GeoPackageGeometryReader reader = new GeoPackageGeometryReader();
    Envelope envelope = new Envelope();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(GeoPackageSql.geometries(table.table(), table.geometryColumn()))) {
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
