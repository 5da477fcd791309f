package io.urbis.source.postgis;

import io.urbis.catalog.GeometryType;
import io.urbis.catalog.JsonType;
import io.urbis.cql2.postgis.CompiledSql;
import java.util.List;
import java.util.Set;

/**
 * What the SQL builder knows of one published table, as one audience reads it: names as the catalog spells them, never
 * as a client does.
 *
 * @param schema the schema name
 * @param name the table or view name
 * @param idColumn the key column
 * @param idSqlType the key's SQL type as {@code format_type} writes it, used to cast bound key values
 * @param idType INTEGER for integer keys, STRING otherwise
 * @param geometryColumn the primary geometry column
 * @param geometryType the declared geometry type
 * @param srid the storage SRID (0 when unknown, read as CRS84)
 * @param is3d whether the geometries have heights (Z)
 * @param geometryRequired whether the geometry column is declared NOT NULL
 * @param columns the published attribute columns the audience sees: the only ones any statement reads out or lets a
 *     query name
 * @param temporalColumn the column that {@code datetime} selects on, or null (also when the audience may not see it)
 * @param spatialIndex whether a spatial index covers every row's geometry, so that its root holds the extent
 * @param rowFilter the rows the audience sees, as a condition on the whole table's columns (hidden ones too), or null
 *     for every row; every statement that reads rows holds to it
 */
record PostgisTable(
    String schema,
    String name,
    String idColumn,
    String idSqlType,
    JsonType idType,
    String geometryColumn,
    GeometryType geometryType,
    int srid,
    boolean is3d,
    boolean geometryRequired,
    List<PostgisColumn> columns,
    String temporalColumn,
    boolean spatialIndex,
    CompiledSql rowFilter) {

  /**
   * The table as an audience reads it: only the {@code visible} columns (the temporal column only if it is one of
   * them), only the rows {@code rows} holds (null: all of them).
   */
  PostgisTable narrowed(Set<String> visible, CompiledSql rows) {
    return new PostgisTable(schema, name, idColumn, idSqlType, idType, geometryColumn, geometryType, srid, is3d,
        geometryRequired, columns.stream().filter(c -> visible.contains(c.name())).toList(),
        temporalColumn != null && visible.contains(temporalColumn) ? temporalColumn : null, spatialIndex, rows);
  }

  String qualifiedName() {
    return SqlIdentifier.quoteTable(schema, name);
  }

  boolean isGeographic() {
    return srid == 4326 || srid == 0;
  }

  /** GEOS, behind ST_Intersects, cannot handle these; they are selected by bounding box alone. */
  boolean hasSurfacesGeosCannotTest() {
    return geometryType == GeometryType.POLYHEDRALSURFACE
        || geometryType == GeometryType.TIN
        || geometryType == GeometryType.TRIANGLE;
  }

  /** The published column of that name; property names come from this table's own catalog entry. */
  PostgisColumn column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name + " is not a column of " + this.name));
  }
}
