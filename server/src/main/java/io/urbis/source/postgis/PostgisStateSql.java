package io.urbis.source.postgis;

import static io.urbis.source.postgis.SqlIdentifier.quote;

import java.util.List;

/**
 * The SQL that asks about a table's data as a whole rather than about features: its version, its extents, and the
 * database snapshot that tells whether anything was committed since.
 */
final class PostgisStateSql {

  /**
   * Segments of the longer edges when an extent is projected to CRS84, so its curved edges stay covered: as many as a
   * query box gets, so that a box drawn around the extent reaches the data again (a 20 km extent's edge then strays
   * about a tenth of a millimetre between vertices).
   */
  private static final int EDGE_SEGMENTS = 256;

  private PostgisStateSql() {}

  /**
   * A version of the data: per table read, its file node (changes on TRUNCATE, VACUUM FULL, CLUSTER) and its counts
   * of inserted, updated and deleted rows from the statistics system ({@code n_tup_ins}, {@code n_tup_upd} and
   * {@code n_tup_del} of {@code pg_stat_user_tables}, read without the view's other columns), which shows every
   * committed change, within a second, or within 10 s when the writing session idles after it. A view's tables are
   * those its query reads, followed through views of views, so a view changes version with them; what it reads
   * through functions is not followed.
   */
  static SqlQuery dataVersion(PostgisTable table) {
    return new SqlQuery("WITH RECURSIVE reads(oid) AS (SELECT CAST(? AS regclass)::oid UNION"
        + " SELECT d.refobjid FROM reads JOIN pg_rewrite r ON r.ev_class = reads.oid JOIN pg_depend d"
        + " ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass"
        + " AND d.refobjid <> reads.oid)"
        + " SELECT coalesce(string_agg(coalesce(pg_relation_filenode(c.oid), 0)::text || '-'"
        + " || (pg_stat_get_tuples_inserted(c.oid) + pg_stat_get_tuples_updated(c.oid)"
        + " + pg_stat_get_tuples_deleted(c.oid))::text, ',' ORDER BY c.oid), '0-0')"
        + " FROM reads JOIN pg_class c ON c.oid = reads.oid WHERE c.relkind <> 'v'",
        List.of(table.qualifiedName()));
  }

  /**
   * The snapshot of the statement (which transactions have ended): it stays the same exactly while no transaction
   * that wrote anything ends, anywhere in the database, so what was read in it still holds.
   */
  static SqlQuery snapshot() {
    return new SqlQuery("SELECT pg_current_snapshot()::text", List.of());
  }

  /**
   * The CRS84 extent (edges densified before they are projected), the snapshot it was read in, and the box in the
   * storage CRS it was projected from. From the root of the table's spatial index when
   * {@link PostgisTable#spatialIndex()} says one covers every row: PostGIS reads it there in a page
   * ({@code ST_EstimatedExtent}, its single-precision box rounded outwards), and as every insert widens the index at
   * once, it always contains the rows, committed or not (after deletions it may be wider than they are). Else exact,
   * from every geometry.
   */
  static SqlQuery extent(PostgisTable table) {
    String box = table.spatialIndex()
        ? "ST_EstimatedExtent(?, ?, ?)"
        : "(SELECT ST_Extent(" + quote(table.geometryColumn()) + ") FROM " + table.qualifiedName() + ")";
    // segments measured on the longer side: a box narrow in x would otherwise be cut into countless pieces in y
    String crs84 = table.isGeographic() ? "g" : "ST_Transform(ST_Segmentize(g, GREATEST(ST_XMax(g) - ST_XMin(g),"
        + " ST_YMax(g) - ST_YMin(g), 1e-9) / " + EDGE_SEGMENTS + "), 4326)";
    String sql = "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e), pg_current_snapshot()::text,"
        + " ST_XMin(g), ST_YMin(g), ST_XMax(g), ST_YMax(g) FROM (SELECT g, " + crs84 + " AS e FROM (SELECT ST_SetSRID("
        + box + "::geometry, " + table.srid() + ") AS g) b) x";
    List<Object> binds = table.spatialIndex()
        ? List.of(table.schema(), table.name(), table.geometryColumn()) : List.of();
    return new SqlQuery(sql, binds);
  }

  /** The first and last value of the temporal column, and the snapshot they were read in. */
  static SqlQuery temporalExtent(PostgisTable table) {
    String column = quote(table.temporalColumn());
    return new SqlQuery("SELECT min(" + column + ")::timestamptz, max(" + column + ")::timestamptz,"
        + " pg_current_snapshot()::text FROM " + table.qualifiedName(), List.of());
  }
}
