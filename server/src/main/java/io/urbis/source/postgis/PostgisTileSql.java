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
  /** A candidate's geometry in the tile's CRS, before it is simplified and clipped. */
  private static final String CANDIDATE_GEOMETRY = "__urbis_geometry";

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
    List<String> conditions = new ArrayList<>();
    if (window != null) {
      conditions.add(windowCondition(table, window, binds));
    }
    addRowFilter(table, conditions, binds);
    String sql = "SELECT ST_AsMVT(mvt, CAST(? AS text), " + TileRequest.EXTENT + ", '" + TILE_GEOMETRY
        + "', " + (integerIds ? "CAST(? AS text)" : "NULL") + ") FROM (SELECT " + columns + ", " + geometry
        + " FROM " + table.qualifiedName() + " t" + where(conditions) + ") mvt WHERE " + TILE_GEOMETRY
        + " IS NOT NULL";
    return new SqlQuery(sql, binds);
  }

  /**
   * The layer reduced by the rules of {@link TileReduction}, the same statement for every tile and level but the
   * thinning window: the candidates in the tile's CRS with their dimension, size, box centre and {@link TileHash},
   * their cells; the kept ones drawn as a whole layer draws them, then one block per cell of the polygons not kept
   * (when they are merged), with the properties of the largest of them and no id.
   */
  private static SqlQuery reduced(PostgisTable table, String layer, TileRequest request, Envelope window) {
    TileReduction rules = request.reduction();
    List<Object> binds = new ArrayList<>();
    binds.add(layer);
    boolean integerIds = table.idType() == JsonType.INTEGER;
    if (integerIds) {
      binds.add(table.idColumn());
    }
    String id = quote(table.idColumn());
    StringBuilder columns = new StringBuilder(idColumn(table));
    StringBuilder names = new StringBuilder();
    for (String property : request.properties()) {
      PostgisColumn column = table.column(property);
      columns.append(", ").append(tileValue(column)).append(" AS ").append(quote(column.name()));
      names.append(", ").append(quote(column.name()));
    }
    String candidates = "SELECT " + columns + ", g." + CANDIDATE_GEOMETRY + ", " + measures("g." + CANDIDATE_GEOMETRY)
        + ", " + hash(table) + " AS __urbis_hash FROM " + table.qualifiedName() + " t" + inTileCrs(table,
        request.tileMatrixSet());
    List<String> conditions = new ArrayList<>();
    if (window != null) {
      conditions.add(windowCondition(table, window, binds));
    }
    addRowFilter(table, conditions, binds);
    binds.addAll(List.of(rules.originX(), rules.cellSize(), rules.originY(), rules.cellSize(), rules.smallArea(),
        rules.minimumSize()));
    String cells = "SELECT c.*, floor((__urbis_x - ?) / ?) AS __urbis_column, floor((? - __urbis_y) / ?)"
        + " AS __urbis_row, (__urbis_dimension = 2 AND __urbis_size < ?)"
        + " OR (__urbis_dimension = 1 AND __urbis_size < ?) AS __urbis_small FROM __urbis_candidates c";
    String kept = "SELECT c.*, NOT __urbis_small" + (rules.thins() ? " AND row_number() OVER (PARTITION BY"
        + " __urbis_column, __urbis_row ORDER BY __urbis_small, __urbis_dimension DESC, __urbis_size DESC,"
        + " __urbis_hash, " + id + ") = 1" : "") + " AS __urbis_kept FROM __urbis_cells c";
    binds.add(rules.tolerance());
    String keptFeatures = "SELECT " + id + names + ", ST_AsMVTGeom(ST_Simplify(" + CANDIDATE_GEOMETRY + ", ?), "
        + tileBounds(request, binds) + ", " + TileRequest.EXTENT + ", " + TileRequest.BUFFER + ", true) AS "
        + TILE_GEOMETRY + " FROM __urbis_kept WHERE __urbis_kept";
    String blocks = "";
    if (rules.mergeSmallPolygons()) {
      String share = " OVER cell / NULLIF(sum(__urbis_size) OVER cell, 0)";
      blocks = " UNION ALL (SELECT DISTINCT ON (__urbis_column, __urbis_row) NULL" + names
          + ", ST_AsMVTGeom(ST_Expand(ST_SetSRID(ST_MakePoint(__urbis_block_x, __urbis_block_y), "
          + request.tileMatrixSet().srid() + "), sqrt(__urbis_block_area) / 2), " + tileBounds(request, binds) + ", "
          + TileRequest.EXTENT + ", " + TileRequest.BUFFER + ", true) FROM (SELECT k.*, sum(__urbis_size) OVER cell"
          + " AS __urbis_block_area, sum(__urbis_size * __urbis_x)" + share + " AS __urbis_block_x,"
          + " sum(__urbis_size * __urbis_y)" + share + " AS __urbis_block_y FROM __urbis_kept k WHERE NOT"
          + " __urbis_kept AND __urbis_dimension = 2 WINDOW cell AS (PARTITION BY __urbis_column, __urbis_row)) b"
          + " ORDER BY __urbis_column, __urbis_row, __urbis_size DESC, __urbis_hash, " + id + ")";
    }
    String sql = "SELECT ST_AsMVT(mvt, CAST(? AS text), " + TileRequest.EXTENT + ", '" + TILE_GEOMETRY + "', "
        + (integerIds ? "CAST(? AS text)" : "NULL") + ") FROM (WITH __urbis_candidates AS (" + candidates
        + where(conditions) + "), __urbis_cells AS (" + cells + "), __urbis_kept AS (" + kept + ") " + keptFeatures
        + blocks + ") mvt WHERE " + TILE_GEOMETRY + " IS NOT NULL";
    return new SqlQuery(sql, binds);
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
    List<String> conditions = new ArrayList<>();
    if (window != null) {
      conditions.add(windowCondition(table, window, binds));
    }
    addRowFilter(table, conditions, binds);
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
    List<String> conditions = new ArrayList<>();
    if (window != null) {
      conditions.add(windowCondition(table, window, binds));
    }
    addRowFilter(table, conditions, binds);
    String geometry = "g." + CANDIDATE_GEOMETRY;
    return new SqlQuery("SELECT CAST(floor((__urbis_x - ?) / ?) AS bigint), CAST(floor((? - __urbis_y) / ?) AS bigint),"
        + " count(*), min(__urbis_size) FILTER (WHERE __urbis_dimension = 2 AND __urbis_size > 0),"
        + " min(__urbis_size) FILTER (WHERE __urbis_dimension = 1 AND __urbis_size > 0) FROM (SELECT "
        + measures(geometry) + " FROM " + table.qualifiedName() + " t" + inTileCrs(table, set) + where(conditions)
        + ") f WHERE __urbis_x IS NOT NULL GROUP BY 1, 2", binds);
  }

  /** Joins each row its geometry in the set's CRS, drawable, as {@value #CANDIDATE_GEOMETRY} of {@code g}. */
  private static String inTileCrs(PostgisTable table, TileMatrixSet set) {
    return " CROSS JOIN LATERAL (SELECT " + drawable(table, inSrid(table, set.srid())) + " AS " + CANDIDATE_GEOMETRY
        + ") g";
  }

  /**
   * What the reduction rules measure a geometry by ({@link TileReduction#sizeOf}): its dimension, size, and the
   * centre of its bounding box.
   */
  private static String measures(String geometry) {
    return "ST_Dimension(" + geometry + ") AS __urbis_dimension, CASE ST_Dimension(" + geometry + ") WHEN 2 THEN"
        + " ST_Area(" + geometry + ") WHEN 1 THEN ST_Length(" + geometry + ") ELSE 0 END AS __urbis_size, (ST_XMin("
        + geometry + ") + ST_XMax(" + geometry + ")) / 2 AS __urbis_x, (ST_YMin(" + geometry + ") + ST_YMax("
        + geometry + ")) / 2 AS __urbis_y";
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
