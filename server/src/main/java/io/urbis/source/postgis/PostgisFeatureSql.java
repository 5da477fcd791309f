package io.urbis.source.postgis;

import static io.urbis.source.postgis.PostgisFilterSql.addRowFilter;
import static io.urbis.source.postgis.PostgisFilterSql.castedBind;
import static io.urbis.source.postgis.PostgisFilterSql.filters;
import static io.urbis.source.postgis.PostgisFilterSql.idColumn;
import static io.urbis.source.postgis.PostgisFilterSql.inSrid;
import static io.urbis.source.postgis.PostgisFilterSql.where;
import static io.urbis.source.postgis.SqlIdentifier.quote;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.urbis.crs.Crs;
import io.urbis.query.Bbox;
import io.urbis.query.FeatureQuery;
import io.urbis.query.PageCursor;
import io.urbis.query.Returnables;
import io.urbis.query.SortKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL that reads features: pages (keyset and offset, in id or sortby order) and one feature by key. PostGIS
 * transforms and writes GeoJSON itself, so Java only moves text.
 */
final class PostgisFeatureSql {

  private static final JsonStringEncoder JSON_TEXT = JsonStringEncoder.getInstance();

  private final int precision;

  PostgisFeatureSql(int precision) {
    this.precision = precision;
  }

  /** One page of features; {@code boxes} are the bbox split at the antimeridian and clipped to the data. */
  SqlQuery features(PostgisTable table, FeatureQuery query, List<Bbox> boxes) {
    List<Object> binds = new ArrayList<>();
    List<String> conditions = filters(table, query, boxes, binds, false);
    PageCursor cursor = query.cursor();
    boolean descending = cursor != null && cursor.direction() == PageCursor.Direction.BEFORE;
    if (cursor != null && cursor.direction() != PageCursor.Direction.OFFSET) {
      conditions.add(idColumn(table) + (descending ? " < " : " > ") + castedBind(table));
      binds.add(cursor.key());
    }
    // LIMIT and OFFSET are written as numbers, both typed integers of the parsed query: with a parameter there,
    // PostgreSQL cannot cost a generic plan for a page and plans every execution anew (0.2 ms of its 0.9 ms per
    // page of 100). Each page size is then a prepared statement of its own.
    String sql = select(table, query.crs(), query.returnables()) + where(conditions)
        + " ORDER BY " + sortColumns(table, query.sortby()) + idColumn(table) + (descending ? " DESC" : "")
        + " LIMIT " + (query.limit() + 1);
    if (cursor != null && cursor.direction() == PageCursor.Direction.OFFSET) {
      sql += " OFFSET " + cursor.offset();
    }
    return new SqlQuery(sql, binds);
  }

  /**
   * One feature by key, if the table's row filter holds it; the key text is cast to the key's own type by PostgreSQL.
   */
  SqlQuery feature(PostgisTable table, String id, Crs crs) {
    List<Object> binds = new ArrayList<>(List.of(id));
    List<String> conditions = new ArrayList<>(List.of(idColumn(table) + " = " + castedBind(table)));
    addRowFilter(table, conditions, binds);
    return new SqlQuery(select(table, crs, Returnables.ALL, ", " + PostgisWriteSql.version(table, table.columns()))
        + where(conditions), binds);
  }

  private String select(PostgisTable table, Crs crs, Returnables returnables) {
    return select(table, crs, returnables, "");
  }

  /** {@code more}: further columns after the properties, each after a comma. */
  private String select(PostgisTable table, Crs crs, Returnables returnables, String more) {
    // option 0: no "crs" member, which RFC 7946 dropped and PostGIS would add for SRIDs other than 4326
    String geometry = returnables.skipGeometry() ? "NULL::text"
        : "ST_AsGeoJSON(" + outputGeometry(table, crs) + ", " + crs.decimals(precision) + ", 0)";
    List<PostgisColumn> columns = table.columns().stream().filter(c -> returnables.includes(c.name())).toList();
    return "SELECT " + idColumn(table) + ", " + geometry + ", " + propertiesObject(columns) + "::text" + more
        + " FROM " + table.qualifiedName() + " t";
  }

  /** The sortby keys, each followed by a comma, before the id that breaks ties. */
  private static String sortColumns(PostgisTable table, List<SortKey> sortby) {
    StringBuilder order = new StringBuilder();
    for (SortKey key : sortby) {
      order.append("t.").append(quote(table.column(key.property()).name()))
          .append(key.descending() ? " DESC NULLS LAST, " : " ASC NULLS LAST, ");
    }
    return order.toString();
  }

  /** The geometry in the output CRS, axes in that CRS's order (PostGIS works east first). */
  private static String outputGeometry(PostgisTable table, Crs crs) {
    String geometry = inSrid(table, crs.srid(), writableColumn(table));
    return crs.northFirst() ? "ST_FlipCoordinates(" + geometry + ")" : geometry;
  }

  /**
   * The geometry column as GeoJSON can carry it: ST_AsGeoJSON refuses polyhedral surfaces and collections nested
   * in collections, so those (and only those) are written as the collection of their parts: a surface's faces.
   */
  private static String writableColumn(PostgisTable table) {
    String column = "t." + quote(table.geometryColumn());
    String parts = "(SELECT ST_Collect(d.geom) FROM ST_Dump(" + column + ") d)";
    return switch (table.geometryType()) {
      case POLYHEDRALSURFACE, GEOMETRYCOLLECTION, GEOMETRY -> "CASE WHEN GeometryType(" + column
          + ") = 'POLYHEDRALSURFACE' OR (GeometryType(" + column + ") = 'GEOMETRYCOLLECTION' AND EXISTS ("
          + "SELECT 1 FROM generate_series(1, ST_NumGeometries(" + column + ")) n WHERE GeometryType(ST_GeometryN("
          + column + ", n)) = 'GEOMETRYCOLLECTION')) THEN " + parts + " ELSE " + column + " END";
      default -> column;
    };
  }

  /**
   * The properties as JSON text, concatenated from each column's own JSON ({@code to_json} escapes strings and
   * writes numbers, booleans and times as JSON does): cheaper for PostgreSQL than building a json object per row.
   * Keys are catalog column names, JSON-escaped, then quoted as SQL literals.
   */
  static String propertiesObject(List<PostgisColumn> columns) {
    if (columns.isEmpty()) {
      return "'{}'";
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String key = (i == 0 ? "{" : ",") + "\"" + new String(JSON_TEXT.quoteAsString(columns.get(i).name())) + "\":";
      parts.add("'" + key.replace("'", "''") + "'");
      parts.add("coalesce(to_json(t." + quote(columns.get(i).name()) + ")::text, 'null')");
    }
    parts.add("'}'");
    // || rather than concat(): functions take at most 100 arguments, tables may have more columns
    return "(" + String.join(" || ", parts) + ")";
  }
}
