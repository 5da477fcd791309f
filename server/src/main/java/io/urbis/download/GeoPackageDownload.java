package io.urbis.download;

import static io.urbis.source.geopackage.SqlIdentifiers.quote;

import io.urbis.catalog.Collection;
import io.urbis.catalog.JsonType;
import io.urbis.catalog.Property;
import io.urbis.crs.AxisSwap;
import io.urbis.crs.Crs;
import io.urbis.demo.GeoPackageSchema;
import io.urbis.source.EncodedFeature;
import io.urbis.source.geopackage.GeoPackageGeometryWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The selection as a GeoPackage (OGC 12-128r18) in a file: one feature table named after the collection, with the id
 * column (the primary key where ids are integers, else a text column beside an {@code fid} key), the geometry in
 * the requested CRS in east-north order (as GeoPackage stores every CRS) and the visible properties. Rows are
 * inserted in batches of {@link #BATCH} in one transaction, so memory stays flat whatever the selection's size.
 */
final class GeoPackageDownload {

  static final int BATCH = 1_000;
  private static final String FID = "fid";

  private final Collection collection;
  private final DownloadColumns columns;
  private final Crs crs;
  private final GeoPackageGeometryWriter geometries = new GeoPackageGeometryWriter();

  GeoPackageDownload(Collection collection, DownloadColumns columns, Crs crs) {
    this.collection = collection;
    this.columns = columns;
    this.crs = crs;
  }

  /** Writes the features into a new GeoPackage at {@code file}; returns how many were written. */
  long write(WholeSelection features, Path file) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      GeoPackageSchema.create(connection);
      connection.setAutoCommit(false);
      registerCrs(connection);
      try (Statement statement = connection.createStatement()) {
        statement.execute(createTable());
      }
      Envelope extent = new Envelope();
      long count = 0;
      try (PreparedStatement insert = connection.prepareStatement(insertSql())) {
        for (EncodedFeature encoded = features.next(); encoded != null; encoded = features.next()) {
          bind(insert, DownloadFeature.of(encoded), extent);
          insert.addBatch();
          if (++count % BATCH == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      registerContents(connection, extent);
      connection.commit();
      return count;
    }
  }

  private boolean integerIds() {
    return collection.idType() == JsonType.INTEGER;
  }

  private String table() {
    return collection.id();
  }

  private String createTable() {
    String key = integerIds() ? quote(columns.idName()) + " INTEGER PRIMARY KEY NOT NULL"
        : quote(FID) + " INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, " + quote(columns.idName()) + " TEXT UNIQUE";
    String geometry = columns.withGeometry() ? ", " + quote(collection.geometryColumn()) + " " + geometryType() : "";
    String properties = columns.properties().stream()
        .map(p -> ", " + quote(p.name()) + " " + sqlType(p.type()))
        .collect(Collectors.joining());
    return "CREATE TABLE " + quote(table()) + " (" + key + geometry + properties + ")";
  }

  private String insertSql() {
    int values = 1 + (columns.withGeometry() ? 1 : 0) + columns.properties().size();
    String names = quote(columns.idName()) + (columns.withGeometry() ? ", " + quote(collection.geometryColumn()) : "")
        + columns.properties().stream().map(p -> ", " + quote(p.name())).collect(Collectors.joining());
    return "INSERT INTO " + quote(table()) + " (" + names + ") VALUES ("
        + String.join(", ", Collections.nCopies(values, "?")) + ")";
  }

  private void bind(PreparedStatement insert, DownloadFeature feature, Envelope extent) throws SQLException {
    int index = 1;
    insert.setObject(index++, feature.id());
    if (columns.withGeometry()) {
      Geometry geometry = feature.geometry();
      if (geometry != null) {
        if (crs.northFirst()) {
          geometry.apply(AxisSwap.INSTANCE);
        }
        extent.expandToInclude(geometry.getEnvelopeInternal());
      }
      insert.setBytes(index++, geometry == null ? null : geometries.write(geometry, crs.srid(), columns.is3d()));
    }
    for (Property property : columns.properties()) {
      insert.setObject(index++, value(feature, property));
    }
  }

  private static Object value(DownloadFeature feature, Property property) {
    var node = feature.properties().get(property.name());
    if (node == null || node.isNull()) {
      return null;
    }
    return switch (property.type()) {
      case INTEGER -> node.asLong();
      case NUMBER -> node.asDouble();
      case BOOLEAN -> node.asBoolean() ? 1 : 0;
      default -> feature.text(property.name());
    };
  }

  private String geometryType() {
    return collection.geometryType().name();
  }

  private static String sqlType(JsonType type) {
    return switch (type) {
      case INTEGER -> "INTEGER";
      case NUMBER -> "REAL";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case DATE_TIME -> "DATETIME";
      default -> "TEXT";
    };
  }

  /** A CRS the schema does not already hold, named by its EPSG code (GDAL resolves the code). */
  private void registerCrs(Connection connection) throws SQLException {
    if (crs.srid() == GeoPackageSchema.WGS84 || crs.srid() == GeoPackageSchema.ETRS89_UTM32N) {
      return;
    }
    execute(connection, "INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id,"
        + " definition) VALUES (?, ?, 'EPSG', ?, 'undefined')", List.of("EPSG:" + crs.srid(), crs.srid(), crs.srid()));
  }

  private void registerContents(Connection connection, Envelope extent) throws SQLException {
    boolean known = !extent.isNull();
    execute(connection, "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y,"
            + " max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        java.util.Arrays.asList(table(), columns.withGeometry() ? "features" : "attributes", collection.title(),
            collection.description(), known ? extent.getMinX() : null, known ? extent.getMinY() : null,
            known ? extent.getMaxX() : null, known ? extent.getMaxY() : null, crs.srid()));
    if (columns.withGeometry()) {
      execute(connection, "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z,"
          + " m) VALUES (?, ?, ?, ?, ?, 0)", List.of(table(), collection.geometryColumn(), geometryType(), crs.srid(),
          columns.is3d() ? 1 : 0));
    }
  }

  private static void execute(Connection connection, String sql, List<Object> values) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) {
        statement.setObject(i + 1, values.get(i));
      }
      statement.executeUpdate();
    }
  }
}
