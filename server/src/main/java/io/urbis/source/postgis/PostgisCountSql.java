package io.urbis.source.postgis;

import static io.urbis.source.postgis.PostgisFilterSql.addRowFilter;
import static io.urbis.source.postgis.PostgisFilterSql.boxInStorage;
import static io.urbis.source.postgis.PostgisFilterSql.filters;
import static io.urbis.source.postgis.PostgisFilterSql.storageSrid;
import static io.urbis.source.postgis.PostgisFilterSql.where;
import static io.urbis.source.postgis.SqlIdentifier.quote;

import io.urbis.query.Bbox;
import io.urbis.query.FeatureQuery;
import io.urbis.query.TimeInterval;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * The SQL that counts features ({@code numberMatched}): the rows a query selects over all pages, the planner's
 * estimate of how many they are, and what tells whether a bbox and datetime hold all the data.
 */
final class PostgisCountSql {

  private PostgisCountSql() {}

  /**
   * The rows a query's filters select, over all pages.
   *
   * @param rows {@code SELECT 1 FROM ... WHERE ...}
   * @param planned the same rows written for the planner's estimate: boxes in the storage CRS written out, which the
   *     planner computes from the bound values and estimates with its statistics; as a subquery (in {@code rows},
   *     which runs it once per execution), it cannot look into them
   * @param everyRow whether the query selects no rows out of those the table's audience sees (paging, sorting and the
   *     output CRS do not select; the row filter, when there is one, is then the only condition)
   * @param covering how the selection is counted where its bbox and datetime hold all the data, or null when other
   *     filters select too
   */
  record Selection(SqlQuery rows, SqlQuery planned, boolean everyRow, Covering covering) {}

  /**
   * A selection by bbox and datetime alone ({@link FeatureQuery#selectsByBboxAndDatetimeOnly()}): where its boxes
   * cover every geometry and its interval every time, it holds {@code rows}, the same rows for every such selection
   * of the table, so that one count serves them all.
   *
   * @param boxes the bbox as the selection writes it, or null without bbox
   * @param datetime the interval, or null without one (or without a temporal column, when it selects nothing)
   * @param rows the rows such a bbox keeps (those with a geometry that is not empty, and those without geometry)
   *     and such an interval keeps (those with a time)
   */
  record Covering(List<Bbox> boxes, TimeInterval datetime, SqlQuery rows) {}

  /** The rows the query's filters select, over all pages. */
  static Selection selection(PostgisTable table, FeatureQuery query, List<Bbox> boxes) {
    List<Object> binds = new ArrayList<>();
    List<String> conditions = filters(table, query, boxes, binds, false);
    List<Object> plannedBinds = new ArrayList<>();
    List<String> plannedConditions = filters(table, query, boxes, plannedBinds, true);
    boolean everyRow = conditions.size() == (table.rowFilter() == null ? 0 : 1);
    return new Selection(new SqlQuery(rowsWhere(table, conditions), binds),
        new SqlQuery(rowsWhere(table, plannedConditions), plannedBinds), everyRow,
        query.selectsByBboxAndDatetimeOnly() ? covering(table, query, boxes) : null);
  }

  private static Covering covering(PostgisTable table, FeatureQuery query, List<Bbox> boxes) {
    List<String> conditions = new ArrayList<>();
    List<Object> binds = new ArrayList<>();
    String column = "t." + quote(table.geometryColumn());
    if (query.bbox() != null) {
      conditions.add(table.geometryRequired() ? "NOT ST_IsEmpty(" + column + ")"
          : "(" + column + " IS NULL OR NOT ST_IsEmpty(" + column + "))");
    }
    TimeInterval datetime = table.temporalColumn() == null ? null : query.datetime();
    if (datetime != null) {
      conditions.add("t." + quote(table.temporalColumn()) + " IS NOT NULL");
    }
    addRowFilter(table, conditions, binds);
    return new Covering(query.bbox() == null ? null : boxes, datetime,
        new SqlQuery(rowsWhere(table, conditions), binds));
  }

  private static String rowsWhere(PostgisTable table, List<String> conditions) {
    return "SELECT 1 FROM " + table.qualifiedName() + " t" + where(conditions);
  }

  /**
   * Whether one of {@code boxes}, each the very polygon the selection tests geometries against in the storage CRS,
   * covers {@code storageExtent} (a box in the storage CRS that holds every geometry): then the bbox keeps every
   * feature whose geometry is not empty. Exact whatever the CRSs, as nothing is compared after another projection.
   */
  static SqlQuery boxesCover(PostgisTable table, List<Bbox> boxes, Envelope storageExtent) {
    List<Object> binds = new ArrayList<>();
    List<String> covers = new ArrayList<>();
    for (Bbox box : boxes) {
      covers.add("ST_Covers(" + boxInStorage(table, box, binds, false) + ", e)");
    }
    binds.addAll(List.of(storageExtent.getMinX(), storageExtent.getMinY(), storageExtent.getMaxX(),
        storageExtent.getMaxY()));
    // a box2d of no width or height becomes a line or a point, which ST_Covers takes, where a polygon would be invalid
    return new SqlQuery("SELECT " + (covers.isEmpty() ? "false" : String.join(" OR ", covers))
        + " FROM (SELECT ST_SetSRID(ST_MakeBox2D(ST_Point(?, ?), ST_Point(?, ?))::geometry, " + storageSrid(table)
        + ") AS e) x", binds);
  }

  /** How many rows a {@link Selection} holds, and the snapshot they were counted in. */
  static SqlQuery count(SqlQuery selection) {
    return new SqlQuery("SELECT count(*), pg_current_snapshot()::text FROM (" + selection.sql() + ") s",
        selection.binds());
  }

  /** The planner's plan of a {@link Selection}, whose top node estimates how many rows it holds. */
  static SqlQuery plan(Selection selection) {
    return new SqlQuery("EXPLAIN (FORMAT JSON) " + selection.planned().sql(), selection.planned().binds());
  }
}
