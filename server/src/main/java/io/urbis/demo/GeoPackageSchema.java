package io.urbis.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The mandatory GeoPackage metadata of a new file (OGC 12-128r18, clause 1.1): application id and version,
 * gpkg_spatial_ref_sys with its three required rows plus the demo's ETRS89 / UTM 32N, gpkg_contents,
 * gpkg_geometry_columns and gpkg_extensions.
 */
public final class GeoPackageSchema {

  /** 'GPKG' in ASCII, the application id every GeoPackage declares. */
  static final int APPLICATION_ID = 0x47504B47;
  /**
   * GeoPackage 1.3.0: the file uses nothing newer, and GDAL before 3.7 warns on opening a 1.4 file ("may only be
   * partially supported").
   */
  static final int USER_VERSION = 10300;
  public static final int ETRS89_UTM32N = 25832;
  public static final int WGS84 = 4326;

  private static final String[] TABLES = {
    "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,"
        + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,"
        + " description TEXT)",
    "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,"
        + " identifier TEXT UNIQUE, description TEXT DEFAULT '',"
        + " last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
        + " min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,"
        + " CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))",
    "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
        + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,"
        + " CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
        + " CONSTRAINT uk_gc_table_name UNIQUE (table_name),"
        + " CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
        + " CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))",
    "CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,"
        + " definition TEXT NOT NULL, scope TEXT NOT NULL,"
        + " CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))"
  };

  private static final String WGS84_WKT =
      "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],"
          + "AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
          + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
          + "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";

  private static final String UTM32N_WKT =
      "PROJCS[\"ETRS89 / UTM zone 32N\",GEOGCS[\"ETRS89\",DATUM[\"European_Terrestrial_Reference_System_1989\","
          + "SPHEROID[\"GRS 1980\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"7019\"]],"
          + "TOWGS84[0,0,0,0,0,0,0],AUTHORITY[\"EPSG\",\"6258\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
          + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4258\"]],"
          + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
          + "PARAMETER[\"central_meridian\",9],PARAMETER[\"scale_factor\",0.9996],"
          + "PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],"
          + "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],"
          + "AUTHORITY[\"EPSG\",\"25832\"]]";

  private static final Object[][] SPATIAL_REF_SYS = {
    {"Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"},
    {"Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"},
    {"WGS 84 geodetic", 4326, "EPSG", 4326, WGS84_WKT, "longitude/latitude coordinates in decimal degrees"},
    {"ETRS89 / UTM zone 32N", ETRS89_UTM32N, "EPSG", ETRS89_UTM32N, UTM32N_WKT, "ETRS89 / UTM zone 32N"}
  };

  private GeoPackageSchema() {}

  public static void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA application_id = " + APPLICATION_ID);
      statement.execute("PRAGMA user_version = " + USER_VERSION);
      for (String table : TABLES) {
        statement.execute(table);
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition,"
            + " description) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Object[] row : SPATIAL_REF_SYS) {
        for (int i = 0; i < row.length; i++) {
          insert.setObject(i + 1, row[i]);
        }
        insert.executeUpdate();
      }
    }
  }
}
