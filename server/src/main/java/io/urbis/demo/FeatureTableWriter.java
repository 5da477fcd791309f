package io.urbis.demo;

import static io.urbis.source.geopackage.SqlIdentifiers.quote;

import io.urbis.source.geopackage.GeoPackageGeometryWriter;
import io.urbis.source.geopackage.RtreeIndexWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;

/**
 * Writes one {@link DemoLayer} into a GeoPackage whose metadata tables exist: the feature table (fid, geom,
 * attributes), its gpkg_contents and gpkg_geometry_columns rows, and its R-tree index.
 */
final class FeatureTableWriter {

  static final String ID_COLUMN = "fid";
  static final String GEOMETRY_COLUMN = "geom";

  /** Fixed, so that generating the demo twice gives the same file. */
  private static final String LAST_CHANGE = "2025-01-01T00:00:00.000Z";

  private final Connection connection;
  private final GeoPackageGeometryWriter geometryWriter = new GeoPackageGeometryWriter();

  FeatureTableWriter(Connection connection) {
    this.connection = connection;
  }

  void write(DemoLayer layer) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(createTable(layer));
    }
    insertFeatures(layer);
    registerContents(layer);
    new RtreeIndexWriter(connection).write(layer.table(), GEOMETRY_COLUMN, ID_COLUMN);
  }

  private static String createTable(DemoLayer layer) {
    String attributes = layer.columns().stream()
        .map(column -> ", " + quote(column.name()) + " " + column.type())
        .collect(Collectors.joining());
    return "CREATE TABLE " + quote(layer.table()) + " (" + quote(ID_COLUMN) + " INTEGER PRIMARY KEY AUTOINCREMENT"
        + " NOT NULL, " + quote(GEOMETRY_COLUMN) + " " + layer.geometryType() + attributes + ")";
  }

  private void insertFeatures(DemoLayer layer) throws SQLException {
    int columns = layer.columns().size();
    String names = layer.columns().stream().map(c -> ", " + quote(c.name())).collect(Collectors.joining());
    String sql = "INSERT INTO " + quote(layer.table()) + " (" + quote(ID_COLUMN) + ", " + quote(GEOMETRY_COLUMN)
        + names + ") VALUES (?, ?" + String.join("", Collections.nCopies(columns, ", ?")) + ")";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      long id = 1;
      for (DemoLayer.Row row : layer.features()) {
        insert.setLong(1, id++);
        insert.setBytes(2, geometryWriter.write(row.geometry(), GeoPackageSchema.ETRS89_UTM32N));
        for (int i = 0; i < columns; i++) {
          insert.setObject(i + 3, row.values().get(i));
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private void registerContents(DemoLayer layer) throws SQLException {
    Envelope box = layer.envelope();
    execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change,"
            + " min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?, ?)",
        List.of(layer.table(), layer.title(), layer.description(), LAST_CHANGE,
            box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY(), GeoPackageSchema.ETRS89_UTM32N));
    execute(
        "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m)"
            + " VALUES (?, ?, ?, ?, 0, 0)",
        List.of(layer.table(), GEOMETRY_COLUMN, layer.geometryType(), GeoPackageSchema.ETRS89_UTM32N));
  }

  private void execute(String sql, List<Object> values) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) {
        statement.setObject(i + 1, values.get(i));
      }
      statement.executeUpdate();
    }
  }
}
