package io.urbis.source.geopackage;

import static io.urbis.source.geopackage.SqlIdentifiers.quote;

import io.urbis.heatplan.HeatPlanSummary;
import io.urbis.source.geopackage.HeatPlanLayers.Column;
import io.urbis.source.geopackage.HeatPlanLayers.Row;
import io.urbis.source.geopackage.HeatPlanLayers.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a heat plan's layers into a GeoPackage that Urbis owns, never into the user's file: its metadata tables as the
 * source file declares them, the storage CRS of the buildings copied from it, one feature table with an R-tree per
 * layer, and a state table with the inputs the layers are of. Written under a temporary name and moved into place,
 * so that readers see the old layers or the new ones, never half of them.
 */
final class HeatPlanFileWriter {

  /** The table holding the inputs the layers were computed from and what the computation produced. */
  static final String STATE_TABLE = "urbis_heatplan_state";

  /** 'GPKG' in ASCII, and GeoPackage 1.3.0, as the demo writes them. */
  private static final int APPLICATION_ID = 0x47504B47;
  private static final int USER_VERSION = 10300;
  private static final List<String> METADATA_TABLES =
      List.of("gpkg_spatial_ref_sys", "gpkg_contents", "gpkg_geometry_columns", "gpkg_extensions");
  /** gpkg_extensions as OGC 12-128r18 2.3.2.1.1 defines it, for source files that have none. */
  private static final String EXTENSIONS_TABLE = "CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT,"
      + " extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,"
      + " CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))";
  private static final String[] SUMMARY_COLUMNS = {"buildings", "estimated_buildings", "buildings_in_blocks",
    "heat_demand_mwh_a", "blocks", "block_groups", "merged_blocks", "withheld_blocks", "sections", "section_groups",
    "merged_sections", "withheld_sections", "areas", "recomputed_buildings"};

  private final GeoPackageGeometryWriter geometryWriter = new GeoPackageGeometryWriter();
  private final GeometryFactory factory = new GeometryFactory();

  /** Writes {@code tables} of srs {@code srid} to {@code target}, replacing it whole. */
  void write(Path sourceFile, int srid, List<Table> tables, String inputs, HeatPlanSummary summary, Path target)
      throws IOException, SQLException {
    Path directory = target.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
    try {
      Files.delete(temporary);
      try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + temporary)) {
        // ATTACH cannot run inside a transaction: the metadata is copied before it starts
        copyMetadata(connection, sourceFile, srid);
        connection.setAutoCommit(false);
        for (Table table : tables) {
          writeTable(connection, table, srid);
        }
        writeState(connection, inputs, summary);
        connection.commit();
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** The inputs the layers in {@code file} are of, or null when there is no such file or it holds none. */
  static String inputsOf(Connection connection) {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT inputs FROM " + STATE_TABLE)) {
      return rows.next() ? rows.getString(1) : null;
    } catch (SQLException e) {
      return null;
    }
  }

  /** The summary stored with the layers. */
  static HeatPlanSummary summaryOf(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT " + String.join(", ", SUMMARY_COLUMNS) + " FROM "
            + STATE_TABLE)) {
      rows.next();
      return new HeatPlanSummary(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getDouble(4),
          rows.getLong(5), rows.getLong(6), rows.getLong(7), rows.getLong(8), rows.getLong(9), rows.getLong(10),
          rows.getLong(11), rows.getLong(12), rows.getLong(13), rows.getLong(14));
    }
  }

  private static void copyMetadata(Connection connection, Path sourceFile, int srid) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA application_id = " + APPLICATION_ID);
      statement.execute("PRAGMA user_version = " + USER_VERSION);
      statement.execute("ATTACH DATABASE " + literal(sourceFile.toAbsolutePath().toString()) + " AS source");
    }
    boolean hasExtensions = false;
    for (String table : METADATA_TABLES) {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT sql FROM source.sqlite_master WHERE type = 'table' AND name = ?")) {
        statement.setString(1, table);
        try (ResultSet rows = statement.executeQuery()) {
          if (rows.next()) {
            execute(connection, rows.getString(1));
            hasExtensions |= table.equals("gpkg_extensions");
          }
        }
      }
    }
    if (!hasExtensions) {
      execute(connection, EXTENSIONS_TABLE);
    }
    try (PreparedStatement copy = connection.prepareStatement("INSERT INTO main.gpkg_spatial_ref_sys SELECT * FROM"
        + " source.gpkg_spatial_ref_sys WHERE srs_id IN (-1, 0, 4326, ?)")) {
      copy.setInt(1, srid);
      copy.executeUpdate();
    }
    execute(connection, "DETACH DATABASE source");
  }

  private void writeTable(Connection connection, Table table, int srid) throws SQLException {
    String attributes = table.columns().stream().map(c -> ", " + quote(c.name()) + " " + c.type())
        .collect(Collectors.joining());
    execute(connection, "CREATE TABLE " + quote(table.name()) + " (fid INTEGER PRIMARY KEY NOT NULL, geom "
        + table.geometryType() + attributes + ")");
    String names = table.columns().stream().map(c -> ", " + quote(c.name())).collect(Collectors.joining());
    String insert = "INSERT INTO " + quote(table.name()) + " (fid, geom" + names + ") VALUES (?, ?"
        + String.join("", Collections.nCopies(table.columns().size(), ", ?")) + ")";
    Envelope extent = new Envelope();
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      for (Row row : table.rows()) {
        Geometry geometry = multi(row.geometry());
        extent.expandToInclude(geometry.getEnvelopeInternal());
        statement.setLong(1, row.id());
        statement.setBytes(2, geometryWriter.write(geometry, srid));
        for (int i = 0; i < row.values().size(); i++) {
          Object value = row.values().get(i);
          statement.setObject(i + 3, value instanceof Boolean flag ? (flag ? 1 : 0) : value);
        }
        statement.addBatch();
      }
      statement.executeBatch();
    }
    try (PreparedStatement contents = connection.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type,"
        + " identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, '', ?, ?, ?, ?,"
        + " ?)")) {
      contents.setString(1, table.name());
      contents.setString(2, table.name());
      Object[] box = extent.isNull() ? new Object[] {null, null, null, null}
          : new Object[] {extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY()};
      for (int i = 0; i < box.length; i++) {
        contents.setObject(i + 3, box[i]);
      }
      contents.setInt(7, srid);
      contents.executeUpdate();
    }
    try (PreparedStatement columns = connection.prepareStatement("INSERT INTO gpkg_geometry_columns (table_name,"
        + " column_name, geometry_type_name, srs_id, z, m) VALUES (?, 'geom', ?, ?, 0, 0)")) {
      columns.setString(1, table.name());
      columns.setString(2, table.geometryType());
      columns.setInt(3, srid);
      columns.executeUpdate();
    }
    new RtreeIndexWriter(connection).write(table.name(), "geom", "fid");
  }

  private void writeState(Connection connection, String inputs, HeatPlanSummary summary) throws SQLException {
    execute(connection, "CREATE TABLE " + STATE_TABLE + " (inputs TEXT NOT NULL, "
        + String.join(" REAL, ", SUMMARY_COLUMNS) + " REAL)");
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + STATE_TABLE + " VALUES (?"
        + ", ?".repeat(SUMMARY_COLUMNS.length) + ")")) {
      Object[] values = {inputs, summary.buildings(), summary.estimatedBuildings(), summary.buildingsInBlocks(),
        summary.heatDemandMwhA(), summary.blocks(), summary.blockGroups(), summary.mergedBlocks(),
        summary.withheldBlocks(), summary.sections(), summary.sectionGroups(), summary.mergedSections(),
        summary.withheldSections(), summary.areas(), summary.recomputedBuildings()};
      for (int i = 0; i < values.length; i++) {
        insert.setObject(i + 1, values[i]);
      }
      insert.executeUpdate();
    }
  }

  /** Layers hold multi geometries throughout, whatever a union or a footprint happened to be. */
  private Geometry multi(Geometry geometry) {
    if (geometry instanceof Polygon polygon) {
      return factory.createMultiPolygon(new Polygon[] {polygon});
    }
    if (geometry instanceof LineString line) {
      return factory.createMultiLineString(new LineString[] {line});
    }
    if (geometry instanceof MultiPolygon || geometry instanceof MultiLineString || !geometry.isEmpty()) {
      return geometry;
    }
    return factory.createMultiPolygon();
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
