package io.urbis.importer;

import static io.urbis.importer.ImportTarget.quote;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * All SQL of the building table. Identifiers come from a validated {@link ImportTarget} and are quoted; the SRID
 * is an integer the importer parsed (a type modifier cannot be a bind parameter); everything else is bound.
 */
final class BuildingTableSql {

  static final String GEOMETRY = "geom";
  /** Sorts after {@code geom}: the server publishes a table by its first geometry column, which must be the 3D one. */
  static final String FOOTPRINT = "geom_footprint";

  private BuildingTableSql() {}

  static String columnList() {
    return Stream.concat(Stream.concat(Stream.of("id", "lod"), Stream.of(WellKnownAttribute.values())
        .map(WellKnownAttribute::column)), Stream.of("attributes", GEOMETRY, FOOTPRINT))
        .map(ImportTarget::quote).collect(Collectors.joining(", "));
  }

  static String create(ImportTarget target, String name, int srid) {
    StringBuilder sql = new StringBuilder("CREATE TABLE " + target.qualified(name) + " (id text NOT NULL, "
        + "lod text NOT NULL");
    for (WellKnownAttribute attribute : WellKnownAttribute.values()) {
      sql.append(", ").append(quote(attribute.column())).append(' ').append(attribute.sqlType());
    }
    return sql.append(", attributes jsonb, ").append(GEOMETRY).append(" geometry(MultiPolygonZ, ").append(srid)
        .append(") NOT NULL, ").append(FOOTPRINT).append(" geometry(MultiPolygon, ").append(srid)
        .append("), CONSTRAINT ").append(quote(name + "_pkey")).append(" PRIMARY KEY (id))").toString();
  }

  static String createSchema(ImportTarget target) {
    return "CREATE SCHEMA IF NOT EXISTS " + quote(target.schema());
  }

  static String copy(ImportTarget target, String name) {
    return "COPY " + target.qualified(name) + " (" + columnList() + ") FROM STDIN";
  }

  static String spatialIndex(ImportTarget target, String name, String column) {
    return "CREATE INDEX " + quote(name + "_" + column + "_idx") + " ON " + target.qualified(name)
        + " USING GIST (" + quote(column) + ")";
  }

  static String renameIndex(ImportTarget target, String from, String to, String suffix) {
    return "ALTER INDEX " + target.qualified(from + suffix) + " RENAME TO " + quote(to + suffix);
  }

  static String analyze(ImportTarget target, String name) {
    return "ANALYZE " + target.qualified(name);
  }

  static String drop(ImportTarget target) {
    return "DROP TABLE " + target.qualifiedTable();
  }

  static String rename(ImportTarget target, String from) {
    return "ALTER TABLE " + target.qualified(from) + " RENAME TO " + quote(target.table());
  }

  /** Binds: schema, table. Tables and views alike, so a view of that name is not silently shadowed. */
  static final String EXISTS = "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?";

  /** Binds: schema, table. The columns an existing table has, to check that appending fits it. */
  static final String COLUMNS =
      "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?";

  /** Binds: schema, table, column. */
  static final String GEOMETRY_SRID = "SELECT srid, type FROM geometry_columns "
      + "WHERE f_table_schema = ? AND f_table_name = ? AND f_geometry_column = ?";

  /** Binds: srid. */
  static final String SRID_KNOWN = "SELECT 1 FROM spatial_ref_sys WHERE srid = ?";

  /** Binds: schema, table, comment. PostgreSQL quotes the comment itself: COMMENT takes no bind parameters. */
  static final String COMMENT = "SELECT format('COMMENT ON TABLE %I.%I IS %L', ?, ?, ?)";

  static String staging(ImportTarget target) {
    return "CREATE TEMP TABLE urbis_import_staging (LIKE " + target.qualifiedTable()
        + " INCLUDING DEFAULTS) ON COMMIT DROP";
  }

  static String stagingCopy() {
    return "COPY urbis_import_staging (" + columnList() + ") FROM STDIN";
  }

  static String duplicates(ImportTarget target) {
    return "SELECT s.id FROM urbis_import_staging s JOIN " + target.qualifiedTable() + " t ON t.id = s.id";
  }

  static String appendStaged(ImportTarget target) {
    return "INSERT INTO " + target.qualifiedTable() + " (" + columnList() + ") SELECT " + columnList()
        + " FROM urbis_import_staging ON CONFLICT (id) DO NOTHING";
  }
}
