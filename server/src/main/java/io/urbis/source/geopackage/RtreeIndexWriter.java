package io.urbis.source.geopackage;

import static io.urbis.source.geopackage.SqlIdentifiers.quote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Adds the GeoPackage RTree spatial index extension (OGC 12-128r18, F.3) to a filled feature table: the rtree
 * virtual table, filled from the geometries, the triggers that keep it current when other tools edit the file,
 * and the gpkg_extensions row. The triggers call ST_* functions that GeoPackage-aware tools (GDAL, QGIS) provide.
 */
public final class RtreeIndexWriter {

  private static final String EXTENSION = "gpkg_rtree_index";
  private static final String DEFINITION = "http://www.geopackage.org/spec120/#extension_rtree";

  /** Trigger name suffix, event, condition and action, with {t} table, {c} geometry, {i} id and {r} rtree. */
  /**
   * Trigger name suffix, event, condition and action, with {t} table, {c} geometry, {i} id and {r} rtree: the
   * insert, update1 to update4 and delete triggers of the extension, under the names GDAL also uses.
   */
  private static final List<String[]> TRIGGERS = List.of(
      new String[] {"insert", "AFTER INSERT ON {t}", "NEW.{c} NOT NULL AND NOT ST_IsEmpty(NEW.{c})",
        "INSERT OR REPLACE INTO {r} VALUES ({new_box});"},
      new String[] {"update1", "AFTER UPDATE OF {c} ON {t}",
        "OLD.{i} = NEW.{i} AND (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))",
        "INSERT OR REPLACE INTO {r} VALUES ({new_box});"},
      new String[] {"update2", "AFTER UPDATE OF {c} ON {t}",
        "OLD.{i} = NEW.{i} AND (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))", "DELETE FROM {r} WHERE id = OLD.{i};"},
      new String[] {"update3", "AFTER UPDATE ON {t}",
        "OLD.{i} != NEW.{i} AND (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))",
        "DELETE FROM {r} WHERE id = OLD.{i}; INSERT OR REPLACE INTO {r} VALUES ({new_box});"},
      new String[] {"update4", "AFTER UPDATE ON {t}",
        "OLD.{i} != NEW.{i} AND (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))",
        "DELETE FROM {r} WHERE id IN (OLD.{i}, NEW.{i});"},
      new String[] {"delete", "AFTER DELETE ON {t}", "OLD.{c} NOT NULL", "DELETE FROM {r} WHERE id = OLD.{i};"});

  private final Connection connection;

  public RtreeIndexWriter(Connection connection) {
    this.connection = connection;
  }

  public void write(String table, String geometryColumn, String idColumn) throws SQLException {
    String rtree = "rtree_" + table + "_" + geometryColumn;
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE VIRTUAL TABLE " + quote(rtree) + " USING rtree(id, minx, maxx, miny, maxy)");
      for (String[] trigger : TRIGGERS) {
        statement.execute(trigger(trigger, rtree, table, geometryColumn, idColumn));
      }
    }
    fill(rtree, table, geometryColumn, idColumn);
    try (PreparedStatement register = connection.prepareStatement(
        "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope)"
            + " VALUES (?, ?, ?, ?, 'write-only')")) {
      register.setString(1, table);
      register.setString(2, geometryColumn);
      register.setString(3, EXTENSION);
      register.setString(4, DEFINITION);
      register.executeUpdate();
    }
  }

  private void fill(String rtree, String table, String geometryColumn, String idColumn) throws SQLException {
    GeoPackageGeometryReader reader = new GeoPackageGeometryReader();
    String select = "SELECT " + quote(idColumn) + ", " + quote(geometryColumn) + " FROM " + quote(table)
        + " WHERE " + quote(geometryColumn) + " IS NOT NULL";
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(select);
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO " + quote(rtree) + " VALUES (?, ?, ?, ?, ?)")) {
      while (rows.next()) {
        Envelope box = reader.read(rows.getBytes(2)).getEnvelopeInternal();
        if (!box.isNull()) {
          insert.setLong(1, rows.getLong(1));
          insert.setDouble(2, box.getMinX());
          insert.setDouble(3, box.getMaxX());
          insert.setDouble(4, box.getMinY());
          insert.setDouble(5, box.getMaxY());
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  private static String trigger(String[] parts, String rtree, String table, String geometry, String id) {
    String newBox = "NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c})";
    String sql = "CREATE TRIGGER " + quote(rtree + "_" + parts[0]) + " " + parts[1] + " WHEN (" + parts[2] + ")"
        + " BEGIN " + parts[3] + " END";
    return sql.replace("{new_box}", newBox)
        .replace("{t}", quote(table))
        .replace("{c}", quote(geometry))
        .replace("{i}", quote(id))
        .replace("{r}", quote(rtree));
  }
}
