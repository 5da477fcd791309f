package io.urbis.source.postgis;

import static io.urbis.source.postgis.PostgisFilterSql.addRowFilter;
import static io.urbis.source.postgis.PostgisFilterSql.where;
import static io.urbis.source.postgis.SqlIdentifier.quote;

import java.util.ArrayList;
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
   * The CRS84 extent of every row of the table, whatever its row filter (edges densified before they are projected),
   * the snapshot it was read in, and the box in the storage CRS it was projected from. From the root of the table's
   * spatial index when {@link PostgisTable#spatialIndex()} says one covers every row: PostGIS reads it there in a
   * page ({@code ST_EstimatedExtent}, its single-precision box rounded outwards), and as every insert widens the index
   * at once, it always contains the rows, committed or not (after deletions it may be wider than they are). Else
   * exact, from every geometry.
   */
  static SqlQuery extent(PostgisTable table) {
    String box = table.spatialIndex()
        ? "ST_EstimatedExtent(?, ?, ?)"
        : "(SELECT ST_Extent(" + quote(table.geometryColumn()) + ") FROM " + table.qualifiedName() + ")";
    List<Object> binds = table.spatialIndex()
        ? List.of(table.schema(), table.name(), table.geometryColumn()) : List.of();
    return extentOf(table, box, binds);
  }

  /**
   * The extent as {@link #extent} reads it of the rows the table's audience sees: of every row without a row filter,
   * else exact, from the geometries of the rows the filter holds (the index's root knows nothing of rows).
   */
  static SqlQuery visibleExtent(PostgisTable table) {
    if (table.rowFilter() == null) {
      return extent(table);
    }
    List<Object> binds = new ArrayList<>();
    String rows = visibleRows(table, binds);
    return extentOf(table, "(SELECT ST_Extent(t." + quote(table.geometryColumn()) + ")" + rows + ")", binds);
  }

  /** The extent of the storage CRS box {@code box} whose values are {@code binds}; see {@link #extent}. */
  private static SqlQuery extentOf(PostgisTable table, String box, List<Object> binds) {
    // segments measured on the longer side: a box narrow in x would otherwise be cut into countless pieces in y
    String crs84 = table.isGeographic() ? "g" : "ST_Transform(ST_Segmentize(g, GREATEST(ST_XMax(g) - ST_XMin(g),"
        + " ST_YMax(g) - ST_YMin(g), 1e-9) / " + EDGE_SEGMENTS + "), 4326)";
    String sql = "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e), pg_current_snapshot()::text,"
        + " ST_XMin(g), ST_YMin(g), ST_XMax(g), ST_YMax(g) FROM (SELECT g, " + crs84 + " AS e FROM (SELECT ST_SetSRID("
        + box + "::geometry, " + table.srid() + ") AS g) b) x";
    return new SqlQuery(sql, binds);
  }

  /**
   * The first and last value of the temporal column in every row, whatever the table's row filter, and the snapshot
   * they were read in.
   */
  static SqlQuery temporalExtent(PostgisTable table) {
    return temporalExtentOf(table, " FROM " + table.qualifiedName(), List.of());
  }

  /** The first and last value of the temporal column in the rows the table's audience sees, as above. */
  static SqlQuery visibleTemporalExtent(PostgisTable table) {
    if (table.rowFilter() == null) {
      return temporalExtent(table);
    }
    List<Object> binds = new ArrayList<>();
    String rows = visibleRows(table, binds);
    return temporalExtentOf(table, rows, binds);
  }

  private static SqlQuery temporalExtentOf(PostgisTable table, String rows, List<Object> binds) {
    String column = quote(table.temporalColumn());
    return new SqlQuery("SELECT min(" + column + ")::timestamptz, max(" + column + ")::timestamptz,"
        + " pg_current_snapshot()::text" + rows, binds);
  }

  /** {@code FROM} the table (aliased {@code t}) {@code WHERE} its row filter holds, its values added to binds. */
  private static String visibleRows(PostgisTable table, List<Object> binds) {
    List<String> conditions = new ArrayList<>();
    addRowFilter(table, conditions, binds);
    return " FROM " + table.qualifiedName() + " t" + where(conditions);
  }
}
