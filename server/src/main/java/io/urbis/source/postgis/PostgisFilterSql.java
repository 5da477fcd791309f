package io.urbis.source.postgis;

import static io.urbis.source.postgis.SqlIdentifier.quote;

import io.urbis.cql2.postgis.CompiledSql;
import io.urbis.cql2.postgis.PostgisSqlCompiler;
import io.urbis.query.Bbox;
import io.urbis.query.FeatureQuery;
import io.urbis.query.PropertyFilter;
import io.urbis.query.TimeInterval;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The conditions that select features, shared by the statements of pages, counts and tiles: a query's bbox,
 * datetime, property filters and CQL2 filter, the key, and the geometry in the CRS they compare it in. Boxes are
 * moved into the storage CRS, never stored geometries out of it, so the spatial index serves.
 */
final class PostgisFilterSql {

  /** Most segments per edge of a query box projected into the storage CRS; see {@link #segmentLength}. */
  private static final int BOX_EDGE_SEGMENTS = 256;
  /** About 100 m, in degrees and in metres: a projected edge strays well under a millimetre from such a chord. */
  private static final double SHORTEST_SEGMENT_DEGREES = 0.001;
  private static final double SHORTEST_SEGMENT_METRES = 100;

  private PostgisFilterSql() {}

  /** The key column of the table, aliased {@code t} in every statement. */
  static String idColumn(PostgisTable table) {
    return "t." + quote(table.idColumn());
  }

  /** A bound key text, cast to the key's own type by PostgreSQL. */
  static String castedBind(PostgisTable table) {
    return "CAST(? AS " + table.idSqlType() + ")";
  }

  /** The geometry column in another SRID; an unknown storage SRID (0) is taken as CRS84. */
  static String inSrid(PostgisTable table, int srid) {
    return inSrid(table, srid, "t." + quote(table.geometryColumn()));
  }

  /** A geometry expression of the table in another SRID, as {@link #inSrid(PostgisTable, int)}. */
  static String inSrid(PostgisTable table, int srid, String column) {
    if (storageSrid(table) == srid) {
      return table.srid() == 0 ? "ST_SetSRID(" + column + ", 4326)" : column;
    }
    return "ST_Transform(" + (table.srid() == 0 ? "ST_SetSRID(" + column + ", 4326)" : column) + ", " + srid + ")";
  }

  /**
   * The conditions of the query's filters, and last the table's row filter; {@code forPlanner} writes boxes out, see
   * {@link PostgisCountSql.Selection#planned}.
   */
  static List<String> filters(PostgisTable table, FeatureQuery query, List<Bbox> boxes, List<Object> binds,
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
    addRowFilter(table, conditions, binds);
    return conditions;
  }

  /**
   * Adds the table's row filter, if it has one, to the conditions of a statement that reads rows: the rows the
   * audience may see, AND-ed to whatever else selects.
   */
  static void addRowFilter(PostgisTable table, List<String> conditions, List<Object> binds) {
    if (table.rowFilter() != null) {
      conditions.add("(" + table.rowFilter().sql() + ")");
      binds.addAll(table.rowFilter().binds());
    }
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
  private static String bboxCondition(PostgisTable table, List<Bbox> boxes, List<Object> binds,
      boolean forPlanner) {
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
  private static String boxCondition(PostgisTable table, Bbox box, List<Object> binds, boolean forPlanner) {
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
  static String boxInStorage(PostgisTable table, Bbox box, List<Object> binds, boolean forPlanner) {
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
  static int storageSrid(PostgisTable table) {
    return table.srid() == 0 ? 4326 : table.srid();
  }

  /**
   * The longest segment of a box's edges, densified before projection so that the projected edges follow their
   * curves: 1/256 of the box, but no shorter than about 100 m. Shorter segments add no accuracy that matters and cost
   * PostgreSQL dearly: a 500 m box cut into 1,024 vertices halved the throughput of bbox queries.
   */
  static double segmentLength(double boxSize, boolean inDegrees) {
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

  static String where(List<String> conditions) {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }
}
