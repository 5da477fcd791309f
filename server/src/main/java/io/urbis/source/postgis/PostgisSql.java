package io.urbis.source.postgis;

import static io.urbis.source.postgis.SqlIdentifier.quote;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.urbis.catalog.JsonType;
import io.urbis.crs.Crs;
import io.urbis.cql2.postgis.CompiledSql;
import io.urbis.cql2.postgis.PostgisSqlCompiler;
import io.urbis.query.Bbox;
import io.urbis.query.FeatureQuery;
import io.urbis.query.PageCursor;
import io.urbis.query.PropertyFilter;
import io.urbis.query.Returnables;
import io.urbis.query.SortKey;
import io.urbis.query.TimeInterval;
import io.urbis.tiles.TileEnvelope;
import io.urbis.tiles.TileMatrixSets;
import io.urbis.tiles.TileRequest;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * All feature SQL of the PostGIS source: one method per query shape, assembled from small clause helpers.
 * PostGIS transforms and writes GeoJSON itself, so Java only moves text.
 */
final class PostgisSql {

  private static final JsonStringEncoder JSON_TEXT = JsonStringEncoder.getInstance();
  /** Most segments per edge of a query box projected into the storage CRS; see {@link #segmentLength}. */
  private static final int BOX_EDGE_SEGMENTS = 256;
  /** About 100 m, in degrees and in metres: a projected edge strays well under a millimetre from such a chord. */
  private static final double SHORTEST_SEGMENT_DEGREES = 0.001;
  private static final double SHORTEST_SEGMENT_METRES = 100;

  /** The geometry column of a tile's rows, named so that no table column can be mistaken for it. */
  private static final String TILE_GEOMETRY = "__urbis_tile_geometry";

  private final int precision;

  PostgisSql(int precision) {
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
   * The rows a query's filters select, over all pages.
   *
   * @param rows {@code SELECT 1 FROM ... WHERE ...}
   * @param planned the same rows written for the planner's estimate: boxes in the storage CRS written out, which the
   *     planner computes from the bound values and estimates with its statistics; as a subquery (in {@code rows},
   *     which runs it once per execution), it cannot look into them
   * @param everyRow whether there is no condition (paging, sorting and the output CRS do not select)
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
  Selection selection(PostgisTable table, FeatureQuery query, List<Bbox> boxes) {
    List<Object> binds = new ArrayList<>();
    List<String> conditions = filters(table, query, boxes, binds, false);
    List<Object> plannedBinds = new ArrayList<>();
    List<String> plannedConditions = filters(table, query, boxes, plannedBinds, true);
    return new Selection(new SqlQuery(rowsWhere(table, conditions), binds),
        new SqlQuery(rowsWhere(table, plannedConditions), plannedBinds), conditions.isEmpty(),
        query.selectsByBboxAndDatetimeOnly() ? covering(table, query, boxes) : null);
  }

  private static Covering covering(PostgisTable table, FeatureQuery query, List<Bbox> boxes) {
    List<String> conditions = new ArrayList<>();
    String column = "t." + quote(table.geometryColumn());
    if (query.bbox() != null) {
      conditions.add(table.geometryRequired() ? "NOT ST_IsEmpty(" + column + ")"
          : "(" + column + " IS NULL OR NOT ST_IsEmpty(" + column + "))");
    }
    TimeInterval datetime = table.temporalColumn() == null ? null : query.datetime();
    if (datetime != null) {
      conditions.add("t." + quote(table.temporalColumn()) + " IS NOT NULL");
    }
    return new Covering(query.bbox() == null ? null : boxes, datetime,
        new SqlQuery(rowsWhere(table, conditions), List.of()));
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

  /**
   * One feature by key, and its version of the {@code visible} columns ({@link PostgisWriteSql#version}); the key
   * text is cast to the key's own type by PostgreSQL.
   */
  SqlQuery feature(PostgisTable table, String id, Crs crs, List<PostgisColumn> visible) {
    String sql = select(table, crs, Returnables.ALL, ", " + PostgisWriteSql.version(table, visible)) + " WHERE "
        + idColumn(table) + " = " + castedBind(table);
    return new SqlQuery(sql, List.of(id));
  }

  /**
   * One tile as one Mapbox Vector Tile layer, in one statement: the index selects by the tile's window in the
   * storage CRS ({@code &&}), {@code ST_AsMVTGeom} transforms, clips and quantizes, {@code ST_AsMVT} encodes.
   * Integer keys become feature ids; other keys stay a property. {@code window} is the buffered tile in CRS84 near
   * the data, or null to select without the index.
   */
  SqlQuery tile(PostgisTable table, String layer, TileRequest request, Envelope window) {
    List<Object> binds = new ArrayList<>();
    binds.add(layer);
    boolean integerIds = table.idType() == JsonType.INTEGER;
    if (integerIds) {
      binds.add(table.idColumn());
    }
    StringBuilder columns = new StringBuilder(idColumn(table));
    for (String property : request.properties()) {
      PostgisColumn column = table.column(property);
      columns.append(", ").append(tileValue(column)).append(" AS ").append(quote(column.name()));
    }
    binds.add(request.simplificationTolerance());
    String geometry = "ST_AsMVTGeom(ST_Simplify(" + drawable(table, inSrid(table, request.tileMatrixSet().srid()))
        + ", ?), "
        + tileBounds(request, binds) + ", " + TileRequest.EXTENT + ", " + TileRequest.BUFFER + ", true) AS "
        + TILE_GEOMETRY;
    String where = window == null ? "" : " WHERE " + windowCondition(table, window, binds);
    String sql = "SELECT ST_AsMVT(mvt, CAST(? AS text), " + TileRequest.EXTENT + ", '" + TILE_GEOMETRY
        + "', " + (integerIds ? "CAST(? AS text)" : "NULL") + ") FROM (SELECT " + columns + ", " + geometry
        + " FROM " + table.qualifiedName() + " t" + where + ") mvt WHERE " + TILE_GEOMETRY + " IS NOT NULL";
    return new SqlQuery(sql, binds);
  }

  /**
   * The geometry as ST_AsMVTGeom can take it: it refuses polyhedral surfaces and TINs ("Invalid type"), so their faces
   * become a multipolygon, the surface seen from above (triangles as polygons).
   */
  private static String drawable(PostgisTable table, String geometry) {
    if (!table.hasSurfacesGeosCannotTest()) {
      return geometry;
    }
    return "ST_Collect(ARRAY(SELECT CASE WHEN ST_GeometryType(face.geom) = 'ST_Triangle' THEN "
        + "ST_MakePolygon(ST_ExteriorRing(face.geom)) ELSE face.geom END FROM ST_Dump(" + geometry + ") face))";
  }

  /** The tile in its set's CRS: PostGIS' own tile envelope for WebMercatorQuad, else the matrix arithmetic. */
  private static String tileBounds(TileRequest request, List<Object> binds) {
    if (request.tileMatrixSet() == TileMatrixSets.WEB_MERCATOR_QUAD) {
      binds.add(Integer.parseInt(request.address().tileMatrix().id()));
      // WebMercatorQuad has at most 2^24 columns and rows: they fit ST_TileEnvelope's integers
      binds.add(Math.toIntExact(request.address().col()));
      binds.add(Math.toIntExact(request.address().row()));
      return "ST_TileEnvelope(?, ?, ?)";
    }
    TileEnvelope tile = request.envelope();
    binds.addAll(List.of(tile.minX(), tile.minY(), tile.maxX(), tile.maxY()));
    return "ST_MakeEnvelope(?, ?, ?, ?, " + request.tileMatrixSet().srid() + ")";
  }

  /** The window in the storage CRS, densified first as projected edges curve; computed once per query. */
  private static String windowCondition(PostgisTable table, Envelope window, List<Object> binds) {
    binds.addAll(List.of(window.getMinX(), window.getMinY(), window.getMaxX(), window.getMaxY()));
    String column = "t." + quote(table.geometryColumn());
    if (table.isGeographic()) {
      return column + " && ST_MakeEnvelope(?, ?, ?, ?, " + table.srid() + ")";
    }
    binds.add(segmentLength(Math.max(window.getWidth(), window.getHeight()), true));
    return column + " && (SELECT ST_Transform(ST_Segmentize(ST_MakeEnvelope(?, ?, ?, ?, 4326), ?), "
        + table.srid() + "))";
  }

  /**
   * A column as ST_AsMVT should see it: numbers, booleans and text keep their MVT types; times as in GeoJSON (ISO
   * 8601); decimals as doubles; JSON and arrays as their JSON text rather than expanded into more properties.
   */
  private static String tileValue(PostgisColumn column) {
    String value = "t." + quote(column.name());
    return switch (column.jsonType()) {
      case DATE, DATE_TIME -> "(to_json(" + value + ") #>> '{}')";
      case NUMBER -> value + "::float8";
      case OBJECT, ARRAY -> "to_json(" + value + ")::text";
      default -> value;
    };
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

  private static String idColumn(PostgisTable table) {
    return "t." + quote(table.idColumn());
  }

  private static String castedBind(PostgisTable table) {
    return "CAST(? AS " + table.idSqlType() + ")";
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

  /** The geometry column in another SRID; an unknown storage SRID (0) is taken as CRS84. */
  static String inSrid(PostgisTable table, int srid) {
    return inSrid(table, srid, "t." + quote(table.geometryColumn()));
  }

  private static String inSrid(PostgisTable table, int srid, String column) {
    if (storageSrid(table) == srid) {
      return table.srid() == 0 ? "ST_SetSRID(" + column + ", 4326)" : column;
    }
    return "ST_Transform(" + (table.srid() == 0 ? "ST_SetSRID(" + column + ", 4326)" : column) + ", " + srid + ")";
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

  /** The conditions of the query's filters; {@code forPlanner} writes boxes out, see {@link Selection#planned}. */
  private List<String> filters(PostgisTable table, FeatureQuery query, List<Bbox> boxes, List<Object> binds,
      boolean forPlanner) {
    List<String> conditions = new ArrayList<>();
    if (query.bbox() != null) {
      conditions.add(bboxCondition(table, boxes, binds, forPlanner));
    }
    TimeInterval datetime = query.datetime();
    if (datetime != null && table.temporalColumn() != null) {
      conditions.add(temporalCondition(table, datetime, binds));
    }
    for (PropertyFilter filter : query.propertyFilters()) {
      conditions.add(propertyCondition(table, filter, binds));
    }
    if (query.filter() != null) {
      CompiledSql cql = new PostgisSqlCompiler(query.filter().queryables(), new TableColumns(table))
          .compile(query.filter().expression());
      conditions.add("(" + cql.sql() + ")");
      binds.addAll(cql.binds());
    }
    return conditions;
  }

  /** Typed values bind as their SQL types; text is cast to the column's own type (varchar, uuid, enum, ...). */
  private static String propertyCondition(PostgisTable table, PropertyFilter filter, List<Object> binds) {
    PostgisColumn column = table.column(filter.property());
    binds.add(filter.value());
    String value = filter.value() instanceof String ? "CAST(? AS " + column.sqlType() + ")" : "?";
    return "t." + quote(column.name()) + " = " + value;
  }

  /**
   * Features whose geometry meets one of the boxes, and features without geometry, which a bbox does not exclude
   * (OGC 17-069r4, /req/core/fc-bbox-response).
   */
  private String bboxCondition(PostgisTable table, List<Bbox> boxes, List<Object> binds, boolean forPlanner) {
    List<String> alternatives = new ArrayList<>();
    if (!table.geometryRequired()) {
      // only where the column allows it: the IS NULL branch costs a scan of the spatial index
      alternatives.add("t." + quote(table.geometryColumn()) + " IS NULL");
    }
    if (alternatives.isEmpty() && boxes.isEmpty()) {
      return "FALSE";
    }
    for (Bbox box : boxes) {
      alternatives.add(boxCondition(table, box, binds, forPlanner));
    }
    return "(" + String.join(" OR ", alternatives) + ")";
  }

  /** A box of six numbers also bounds the heights of geometries that have them. */
  private static String heightCondition(PostgisTable table, Bbox box, List<Object> binds) {
    if (box.heights() == null || !table.is3d()) {
      return "";
    }
    binds.add(box.heights().min());
    binds.add(box.heights().max());
    String column = "t." + quote(table.geometryColumn());
    return " AND ST_ZMax(" + column + ") >= ? AND ST_ZMin(" + column + ") <= ?";
  }

  /**
   * The box as a polygon in the storage CRS, both for the index ({@code &&}) and for the exact test, so that no
   * stored geometry is transformed per row. A box from another CRS is densified first (edges every 1/256 of its
   * size): projected, its edges curve, and the dense polygon follows them to well under a millimetre for city-sized
   * boxes. Computed once per query, as a scalar subquery, unless written out {@code forPlanner}.
   */
  private String boxCondition(PostgisTable table, Bbox box, List<Object> binds, boolean forPlanner) {
    String column = inSrid(table, storageSrid(table));
    String indexed = column + " && " + boxInStorage(table, box, binds, forPlanner);
    if (table.hasSurfacesGeosCannotTest()) {
      return "(" + indexed + heightCondition(table, box, binds) + ")";
    }
    return "(" + indexed + " AND ST_Intersects(" + column + ", " + boxInStorage(table, box, binds, forPlanner) + ")"
        + heightCondition(table, box, binds) + ")";
  }

  /** A box alone, moved into the storage CRS as a bbox condition moves it: whether PROJ can move it at all. */
  static SqlQuery boxInStorage(PostgisTable table, Bbox box) {
    List<Object> binds = new ArrayList<>();
    return new SqlQuery("SELECT " + boxInStorage(table, box, binds, true), binds);
  }

  /** The box as a polygon in the storage CRS, its values added to {@code binds}; see {@link #boxCondition}. */
  private static String boxInStorage(PostgisTable table, Bbox box, List<Object> binds, boolean forPlanner) {
    int storage = storageSrid(table);
    String envelope = "ST_MakeEnvelope(?, ?, ?, ?, " + box.crs().srid() + ")";
    addBox(binds, box);
    if (storage == box.crs().srid()) {
      return envelope;
    }
    binds.add(segmentLength(Math.max(box.maxX() - box.minX(), box.maxY() - box.minY()), box.crs().geographic()));
    String transformed = "ST_Transform(ST_Segmentize(" + envelope + ", ?), " + storage + ")";
    return forPlanner ? transformed : "(SELECT " + transformed + ")";
  }

  /** The SRID geometries are compared in: the storage SRID, an unknown one (0) taken as CRS84. */
  private static int storageSrid(PostgisTable table) {
    return table.srid() == 0 ? 4326 : table.srid();
  }

  /**
   * The longest segment of a box's edges, densified before projection so that the projected edges follow their
   * curves: 1/256 of the box, but no shorter than about 100 m. Shorter segments add no accuracy that matters and cost
   * PostgreSQL dearly: a 500 m box cut into 1,024 vertices halved the throughput of bbox queries.
   */
  private static double segmentLength(double boxSize, boolean inDegrees) {
    return Math.max(boxSize / BOX_EDGE_SEGMENTS, inDegrees ? SHORTEST_SEGMENT_DEGREES : SHORTEST_SEGMENT_METRES)
        + 1e-12;
  }

  private static void addBox(List<Object> binds, Bbox box) {
    binds.add(box.minX());
    binds.add(box.minY());
    binds.add(box.maxX());
    binds.add(box.maxY());
  }

  private static String temporalCondition(PostgisTable table, TimeInterval datetime, List<Object> binds) {
    String column = "t." + quote(table.temporalColumn()) + "::timestamptz";
    if (datetime.isInstant()) {
      binds.add(datetime.start().atOffset(ZoneOffset.UTC));
      return column + " = ?";
    }
    List<String> bounds = new ArrayList<>();
    if (datetime.start() != null) {
      bounds.add(column + " >= ?");
      binds.add(datetime.start().atOffset(ZoneOffset.UTC));
    }
    if (datetime.end() != null) {
      bounds.add(column + " <= ?");
      binds.add(datetime.end().atOffset(ZoneOffset.UTC));
    }
    return "(" + String.join(" AND ", bounds) + ")";
  }

  private static String where(List<String> conditions) {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }
}
