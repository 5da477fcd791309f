package io.urbis.source.postgis;

import static io.urbis.source.postgis.PostgisFilterSql.addRowFilter;
import static io.urbis.source.postgis.PostgisFilterSql.idColumn;
import static io.urbis.source.postgis.PostgisFilterSql.inSrid;
import static io.urbis.source.postgis.PostgisFilterSql.segmentLength;
import static io.urbis.source.postgis.PostgisFilterSql.where;
import static io.urbis.source.postgis.SqlIdentifier.quote;

import io.urbis.catalog.JsonType;
import io.urbis.tiles.TileEnvelope;
import io.urbis.tiles.TileHash;
import io.urbis.tiles.TileMatrix;
import io.urbis.tiles.TileMatrixSet;
import io.urbis.tiles.TileMatrixSets;
import io.urbis.tiles.ReducedLayer;
import io.urbis.tiles.TileReduction;
import io.urbis.tiles.TileRequest;
import io.urbis.tiles.WholeLayerFloor;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/** The SQL of vector tiles: one statement per tile and layer, which PostGIS answers with the encoded layer. */
final class PostgisTileSql {

  /** The geometry column of a tile's rows, named so that no table column can be mistaken for it. */
  private static final String TILE_GEOMETRY = "__urbis_tile_geometry";
  /** A row's geometry in the tile's CRS, before it is simplified and clipped. */
  private static final String CANDIDATE_GEOMETRY = "__urbis_geometry";
  /**
   * What the reduction rules measure a row by ({@link TileReduction#sizeOf}), from {@link #measuredRows}: its
   * dimension, size (area or length), and the centre of its bounding box.
   */
  private static final String MEASURES = "d.__urbis_dimension, CASE d.__urbis_dimension WHEN 2 THEN ST_Area(g."
      + CANDIDATE_GEOMETRY + ") WHEN 1 THEN ST_Length(g." + CANDIDATE_GEOMETRY + ") ELSE 0 END AS __urbis_size,"
      + " (ST_XMin(d.__urbis_box) + ST_XMax(d.__urbis_box)) / 2 AS __urbis_x,"
      + " (ST_YMin(d.__urbis_box) + ST_YMax(d.__urbis_box)) / 2 AS __urbis_y";

  private PostgisTileSql() {}

  /**
   * One tile as one Mapbox Vector Tile layer, in one statement: the index selects by the tile's window in the
   * storage CRS ({@code &&}), {@code ST_AsMVTGeom} transforms, clips and quantizes, {@code ST_AsMVT} encodes.
   * Integer keys become feature ids; other keys stay a property. {@code window} is the buffered tile in CRS84 near
   * the data, or null to select without the index. Only the rows of the table's row filter are drawn. A request
   * with a {@link TileReduction} draws the layer reduced by its rules, else the whole layer.
   */
  static SqlQuery tile(PostgisTable table, String layer, TileRequest request, Envelope window) {
    return request.reduction() == null ? whole(table, layer, request, window)
        : reduced(table, layer, request, window);
  }

  private static SqlQuery whole(PostgisTable table, String layer, TileRequest request, Envelope window) {
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
    List<String> conditions = windowAndRowFilter(table, window, binds);
    String sql = "SELECT ST_AsMVT(mvt, CAST(? AS text), " + TileRequest.EXTENT + ", '" + TILE_GEOMETRY
        + "', " + (integerIds ? "CAST(? AS text)" : "NULL") + ") FROM (SELECT " + columns + ", " + geometry
        + " FROM " + table.qualifiedName() + " t" + where(conditions) + ") mvt WHERE " + TILE_GEOMETRY
        + " IS NOT NULL";
    return new SqlQuery(sql, binds);
  }

  /**
   * The layer reduced by the rules of {@link TileReduction}, in one statement: the rows in the tile's window measured
   * without drawing them (dimension, {@link TileHash}, size from the stored geometry scaled as the tile's window
   * scales between the two CRSs, the centre of the stored bounding box moved into the tile's CRS), their cells and
   * whether they are kept (at a thinning level the first of each cell); the kept rows read again and drawn as a whole
   * layer draws them, then one block per cell of the polygons not kept (when they are merged), with the properties of
   * the largest and no id. The second column counts the cells of each coarser level that hold rows
   * ({@link ReducedLayer#occupiedCells()}). Only the measures are kept in memory, never geometries or properties.
   */
  private static SqlQuery reduced(PostgisTable table, String layer, TileRequest request, Envelope window) {
    TileReduction rules = request.reduction();
    int srid = request.tileMatrixSet().srid();
    List<Object> binds = new ArrayList<>();
    String id = quote(table.idColumn());
    String scale = areaScale(table, srid, window, binds);
    String stored = "t." + quote(table.geometryColumn());
    String centre = inSrid(table, srid, "ST_SetSRID(ST_MakePoint((ST_XMin(" + stored + ") + ST_XMax(" + stored
        + ")) / 2, (ST_YMin(" + stored + ") + ST_YMax(" + stored + ")) / 2), " + table.srid() + ")");
    List<String> measuredConditions = windowAndRowFilter(table, window, binds);
    measuredConditions.add("p.__urbis_centre IS NOT NULL");
    String measured = "SELECT " + idColumn(table) + ", ST_Dimension(" + stored + ") AS __urbis_dimension,"
        + " CASE ST_Dimension(" + stored + ") WHEN 2 THEN ST_Area(" + stored + ") * s.__urbis_scale WHEN 1 THEN"
        + " ST_Length(" + stored + ") * sqrt(s.__urbis_scale) ELSE 0 END AS __urbis_size, ST_X(p.__urbis_centre)"
        + " AS __urbis_x, ST_Y(p.__urbis_centre) AS __urbis_y, " + hash(table) + " AS __urbis_hash FROM "
        + table.qualifiedName() + " t CROSS JOIN __urbis_scale s CROSS JOIN LATERAL (SELECT " + centre
        + " AS __urbis_centre) p" + where(measuredConditions);
    binds.addAll(List.of(rules.originX(), rules.cellSize(), rules.originY(), rules.cellSize(), rules.smallArea(),
        rules.minimumSize()));
    String cells = "SELECT m.*, floor((__urbis_x - ?) / ?) AS __urbis_column, floor((? - __urbis_y) / ?)"
        + " AS __urbis_row, (__urbis_dimension = 2 AND __urbis_size < ?)"
        + " OR (__urbis_dimension = 1 AND __urbis_size < ?) AS __urbis_small FROM __urbis_measured m";
    String kept = "SELECT c.*, NOT __urbis_small" + (rules.thins() ? " AND row_number() OVER (PARTITION BY"
        + " __urbis_column, __urbis_row ORDER BY __urbis_small, __urbis_dimension DESC, __urbis_size DESC,"
        + " __urbis_hash, " + id + ") = 1" : "") + " AS __urbis_kept FROM __urbis_cells c";
    binds.add(layer);
    boolean integerIds = table.idType() == JsonType.INTEGER;
    if (integerIds) {
      binds.add(table.idColumn());
    }
    StringBuilder columns = new StringBuilder();
    for (String property : request.properties()) {
      PostgisColumn column = table.column(property);
      columns.append(", ").append(tileValue(column)).append(" AS ").append(quote(column.name()));
    }
    binds.add(rules.tolerance());
    String drawn = "ST_AsMVTGeom(ST_Simplify(" + drawable(table, inSrid(table, srid)) + ", ?), "
        + tileBounds(request, binds) + ", " + TileRequest.EXTENT + ", " + TileRequest.BUFFER + ", true)";
    List<String> keptConditions = windowAndRowFilter(table, window, binds);
    keptConditions.add("t." + id + " IN (SELECT " + id + " FROM __urbis_kept WHERE __urbis_kept)");
    String keptFeatures = "SELECT " + idColumn(table) + columns + ", " + drawn + " AS " + TILE_GEOMETRY + " FROM "
        + table.qualifiedName() + " t" + where(keptConditions);
    String blocks = "";
    if (rules.mergeSmallPolygons()) {
      String share = " OVER cell / NULLIF(sum(__urbis_size) OVER cell, 0)";
      blocks = " UNION ALL SELECT NULL" + columns + ", ST_AsMVTGeom(ST_Expand(ST_SetSRID(ST_MakePoint(__urbis_block_x,"
          + " __urbis_block_y), " + srid + "), sqrt(__urbis_block_area) / 2), " + tileBounds(request, binds) + ", "
          + TileRequest.EXTENT + ", " + TileRequest.BUFFER + ", true) FROM (SELECT DISTINCT ON (__urbis_column,"
          + " __urbis_row) " + id + ", sum(__urbis_size) OVER cell AS __urbis_block_area, sum(__urbis_size * __urbis_x)"
          + share + " AS __urbis_block_x, sum(__urbis_size * __urbis_y)" + share + " AS __urbis_block_y FROM"
          + " __urbis_kept WHERE __urbis_dimension = 2 AND NOT __urbis_kept WINDOW cell AS (PARTITION BY"
          + " __urbis_column, __urbis_row) ORDER BY __urbis_column, __urbis_row, __urbis_size DESC, __urbis_hash, "
          + id + ") b JOIN " + table.qualifiedName() + " t ON t." + id + " = b." + id;
    }
    binds.add(rules.coarserLevels());
    String occupied = "ARRAY(SELECT count(*) FROM (SELECT DISTINCT k, floor(__urbis_column / 2 ^ k),"
        + " floor(__urbis_row / 2 ^ k) FROM (SELECT DISTINCT __urbis_column, __urbis_row FROM __urbis_kept) c"
        + " CROSS JOIN generate_series(1, ?) k) o GROUP BY k ORDER BY k)";
    String sql = "WITH __urbis_scale AS (" + scale + "), __urbis_measured AS MATERIALIZED (" + measured
        + "), __urbis_cells AS (" + cells + "), __urbis_kept AS MATERIALIZED (" + kept + ") SELECT (SELECT"
        + " ST_AsMVT(mvt, CAST(? AS text), " + TileRequest.EXTENT + ", '" + TILE_GEOMETRY + "', "
        + (integerIds ? "CAST(? AS text)" : "NULL") + ") FROM (" + keptFeatures + blocks + ") mvt WHERE "
        + TILE_GEOMETRY + " IS NOT NULL), " + occupied;
    return new SqlQuery(sql, binds);
  }

  /**
   * How areas in the table's CRS become areas in the tile's ({@code __urbis_scale}): the ratio of the tile's CRS84
   * window's areas in both (its four corners moved), 1 without a window. Moving the centre of each row rather than
   * its geometry makes measuring a third of the work of drawing.
   */
  private static String areaScale(PostgisTable table, int srid, Envelope window, List<Object> binds) {
    if (window == null) {
      return "SELECT 1.0 AS __urbis_scale";
    }
    binds.addAll(List.of(window.getMinX(), window.getMinY(), window.getMaxX(), window.getMaxY()));
    String storage = table.srid() == 0 ? "4326" : Integer.toString(table.srid());
    return "SELECT ST_Area(ST_Transform(w, " + srid + ")) / NULLIF(ST_Area(ST_Transform(w, " + storage + ")), 0)"
        + " AS __urbis_scale FROM (SELECT ST_MakeEnvelope(?, ?, ?, ?, 4326) AS w) w";
  }

  /** The conditions of the tile's window (if any) and the table's row filter, their binds added. */
  private static List<String> windowAndRowFilter(PostgisTable table, Envelope window, List<Object> binds) {
    List<String> conditions = new ArrayList<>();
    if (window != null) {
      conditions.add(windowCondition(table, window, binds));
    }
    addRowFilter(table, conditions, binds);
    return conditions;
  }

  /**
   * {@link TileHash} of the key: its arithmetic on bigint for integer keys; for other keys the first 32 bits of the
   * MD5 of their text, which only PostGIS tables have.
   */
  private static String hash(PostgisTable table) {
    if (table.idType() != JsonType.INTEGER) {
      return "CAST(CAST('x' || substr(md5(CAST(" + idColumn(table) + " AS text)), 1, 8) AS bit(32)) AS bigint)";
    }
    String x = "(CAST(" + idColumn(table) + " AS bigint) & 4294967295)";
    for (int round = 0; round < 2; round++) {
      x = "((((" + x + " >> 16) # " + x + ") * 73244475) & 4294967295)";
    }
    return "((" + x + " >> 16) # " + x + ")";
  }

  /**
   * What the layer of a tile counts without drawing it, for {@link WholeLayerFloor}: its rows in the tile's window
   * and their values (not null) of the requested properties.
   */
  static SqlQuery floorCounts(PostgisTable table, TileRequest request, Envelope window) {
    List<Object> binds = new ArrayList<>();
    StringBuilder values = new StringBuilder("0");
    for (String property : request.properties()) {
      values.append(" + count(t.").append(quote(table.column(property).name())).append(")");
    }
    List<String> conditions = windowAndRowFilter(table, window, binds);
    return new SqlQuery("SELECT count(*), " + values + " FROM " + table.qualifiedName() + " t" + where(conditions),
        binds);
  }

  /**
   * {@link io.urbis.tiles.LayerStatistics} of the rows in the set's CRS: per tile of {@code matrix} (by the centre of
   * their bounding box) their count and their smallest polygon area and line length, none of them zero. {@code
   * window} is the data's CRS84 area where the set's CRS can be used, or null.
   */
  static SqlQuery statistics(PostgisTable table, TileMatrixSet set, TileMatrix matrix, Envelope window) {
    List<Object> binds = new ArrayList<>(List.of(matrix.originX(), matrix.tileSpan(), matrix.originY(),
        matrix.tileSpan()));
    return new SqlQuery("SELECT CAST(floor((__urbis_x - ?) / ?) AS bigint),"
        + " CAST(floor((? - __urbis_y) / ?) AS bigint), count(*),"
        + " min(__urbis_size) FILTER (WHERE __urbis_dimension = 2 AND __urbis_size > 0),"
        + " min(__urbis_size) FILTER (WHERE __urbis_dimension = 1 AND __urbis_size > 0) FROM (SELECT " + MEASURES
        + measuredRows(table, set) + where(windowAndRowFilter(table, window, binds)) + ") f"
        + " WHERE __urbis_x IS NOT NULL GROUP BY 1, 2", binds);
  }

  /**
   * The rows with their geometry in the set's CRS (drawable), measured once: {@code g} holds it, {@code d} its
   * dimension and bounding box, which {@link #MEASURES} read.
   */
  private static String measuredRows(PostgisTable table, TileMatrixSet set) {
    String geometry = "g." + CANDIDATE_GEOMETRY;
    return " FROM " + table.qualifiedName() + " t CROSS JOIN LATERAL (SELECT " + drawable(table, inSrid(table,
        set.srid())) + " AS " + CANDIDATE_GEOMETRY + ") g CROSS JOIN LATERAL (SELECT ST_Dimension(" + geometry
        + ") AS __urbis_dimension, box2d(" + geometry + ") AS __urbis_box) d";
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
}
