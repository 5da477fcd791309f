package io.urbis.source.postgis;

import static io.urbis.source.postgis.PostgisFilterSql.addRowFilter;
import static io.urbis.source.postgis.PostgisFilterSql.idColumn;
import static io.urbis.source.postgis.PostgisFilterSql.inSrid;
import static io.urbis.source.postgis.PostgisFilterSql.segmentLength;
import static io.urbis.source.postgis.PostgisFilterSql.where;
import static io.urbis.source.postgis.SqlIdentifier.quote;

import io.urbis.catalog.JsonType;
import io.urbis.tiles.TileEnvelope;
import io.urbis.tiles.TileMatrixSets;
import io.urbis.tiles.TileRequest;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/** The SQL of vector tiles: one statement per tile and layer, which PostGIS answers with the encoded layer. */
final class PostgisTileSql {

  /** The geometry column of a tile's rows, named so that no table column can be mistaken for it. */
  private static final String TILE_GEOMETRY = "__urbis_tile_geometry";

  private PostgisTileSql() {}

  /**
   * One tile as one Mapbox Vector Tile layer, in one statement: the index selects by the tile's window in the
   * storage CRS ({@code &&}), {@code ST_AsMVTGeom} transforms, clips and quantizes, {@code ST_AsMVT} encodes.
   * Integer keys become feature ids; other keys stay a property. {@code window} is the buffered tile in CRS84 near
   * the data, or null to select without the index. Only the rows of the table's row filter are drawn.
   */
  static SqlQuery tile(PostgisTable table, String layer, TileRequest request, Envelope window) {
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
