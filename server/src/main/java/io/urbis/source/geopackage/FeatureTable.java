package io.urbis.source.geopackage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * One features table as gpkg_contents, gpkg_geometry_columns and gpkg_spatial_ref_sys describe it.
 *
 * @param epsg the EPSG code of the storage CRS, 0 when undefined or not an EPSG system
 */
record FeatureTable(
    String table,
    String identifier,
    String description,
    String geometryColumn,
    String geometryTypeName,
    int srsId,
    boolean hasZ,
    int epsg) {

  /** Reads the current row of {@link GeoPackageSql#FEATURE_TABLES}. */
  static FeatureTable fromRow(ResultSet row) throws SQLException {
    int srsId = row.getInt("srs_id");
    String organization = row.getString("organization");
    boolean isEpsg = organization != null && organization.toUpperCase(Locale.ROOT).equals("EPSG");
    return new FeatureTable(
        row.getString("table_name"),
        row.getString("identifier"),
        row.getString("description"),
        row.getString("column_name"),
        row.getString("geometry_type_name"),
        srsId,
        row.getInt("z") != 0,
        isEpsg ? row.getInt("organization_coordsys_id") : 0);
  }
}
