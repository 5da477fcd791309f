package io.urbis.source.postgis;

import static io.urbis.source.postgis.PostgisFilterSql.addRowFilter;
import static io.urbis.source.postgis.PostgisFilterSql.where;
import static io.urbis.source.postgis.SqlIdentifier.quote;

import io.urbis.source.Extrusion;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of 3D models for 3D Tiles: per-feature bounds and the models of chosen features. PostGIS
 * transforms to longitude and latitude (heights pass through) and reduces every surface type to polygons. Both read
 * only the rows of the table's row filter, the models only the properties its audience sees.
 */
final class PostgisModelSql {

  private PostgisModelSql() {}

  /**
   * Id, CRS84 box and height range of every feature with a model: exact, from all transformed vertices. Features
   * without polygons (points or lines in a mixed column) have no box and no model.
   */
  static SqlQuery bounds(PostgisTable table, Extrusion extrusion) {
    String low = extrusion == null ? "NULL::float8" : base(extrusion);
    String high = extrusion == null ? "NULL::float8" : base(extrusion) + " + " + height(extrusion);
    List<String> conditions = new ArrayList<>(List.of(hasModel(table, extrusion)));
    List<Object> binds = new ArrayList<>();
    addRowFilter(table, conditions, binds);
    return new SqlQuery("SELECT id, ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b), coalesce(low, ST_ZMin(b)),"
        + " coalesce(high, ST_ZMax(b)) FROM (SELECT t." + quote(table.idColumn()) + "::text AS id, Box3D("
        + lonLat(table) + ") AS b, " + low + " AS low, " + high + " AS high FROM "
        + table.qualifiedName() + " t" + where(conditions) + ") m WHERE b IS NOT NULL", binds);
  }

  /** The polygons (WKB), extrusion and properties of the features with the given ids. */
  static SqlQuery models(PostgisTable table, List<String> ids, Extrusion extrusion) {
    String extruded = extrusion == null ? "0::float8, 'NaN'::float8"
        : base(extrusion) + ", " + height(extrusion);
    // the ids bind as one text array, cast by PostgreSQL to the key type
    List<Object> binds = new ArrayList<>(List.of((Object) ids.toArray(String[]::new)));
    List<String> conditions = new ArrayList<>(List.of(
        "t." + quote(table.idColumn()) + " = ANY(CAST(? AS " + table.idSqlType() + "[]))"));
    addRowFilter(table, conditions, binds);
    String sql = "SELECT t." + quote(table.idColumn()) + "::text, ST_AsBinary(" + lonLat(table) + "), " + extruded
        + ", " + PostgisFeatureSql.propertiesObject(table.columns()) + "::text FROM " + table.qualifiedName()
        + " t" + where(conditions);
    return new SqlQuery(sql, binds);
  }

  private static String hasModel(PostgisTable table, Extrusion extrusion) {
    String geometry = "t." + quote(table.geometryColumn());
    String present = geometry + " IS NOT NULL AND NOT ST_IsEmpty(" + geometry + ")";
    return extrusion == null ? present : present + " AND " + height(extrusion) + " > 0";
  }

  /** The geometry's polygons (faces of surfaces, triangles of TINs) in CRS84 with their heights, as 3D. */
  private static String lonLat(PostgisTable table) {
    String column = "t." + quote(table.geometryColumn());
    String polygons = switch (table.geometryType()) {
      case POLYGON, MULTIPOLYGON -> column;
      default -> "(SELECT ST_Collect(CASE WHEN GeometryType(d.geom) = 'TRIANGLE' THEN ST_MakePolygon("
          + "ST_ExteriorRing(d.geom)) ELSE d.geom END) FROM ST_Dump(" + column + ") d WHERE GeometryType(d.geom)"
          + " IN ('POLYGON', 'TRIANGLE'))";
    };
    String crs84 = table.srid() == 0 ? "ST_SetSRID(" + polygons + ", 4326)"
        : table.srid() == 4326 ? polygons : "ST_Transform(" + polygons + ", 4326)";
    return "ST_Force3D(" + crs84 + ")";
  }

  private static String height(Extrusion extrusion) {
    return "t." + quote(extrusion.heightColumn()) + "::float8";
  }

  private static String base(Extrusion extrusion) {
    return extrusion.baseColumn() == null ? "0::float8"
        : "coalesce(t." + quote(extrusion.baseColumn()) + "::float8, 0)";
  }
}
