package io.urbis.conformance.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What PostGIS says about the fixture: the answers the server's responses are compared with. */
public final class Truth {

  private static final String GEOM_4326 = "ST_Transform(geom, 4326)";

  private final TestDatabase database;

  Truth(TestDatabase database) {
    this.database = database;
  }

  /** Every table and view with a geometry column in {@code public}: the collections the server must publish. */
  public Set<String> collectionIds() {
    return new TreeSet<>(database.column("SELECT f_table_name FROM geometry_columns WHERE f_table_schema = 'public'"));
  }

  public long count(Layer layer) {
    return count(Selection.all(layer));
  }

  /** Keys of the rows a selection selects. */
  public Set<String> keys(Selection selection) {
    Layer layer = selection.layer();
    return new TreeSet<>(database.column("SELECT " + layer.keyColumn() + "::text FROM " + layer.id() + " WHERE "
        + selection.condition(), selection.binds().toArray()));
  }

  public long count(Selection selection) {
    return database.number("SELECT count(*) FROM " + selection.layer().id() + " WHERE " + selection.condition(),
        selection.binds().toArray());
  }

  /**
   * The SQL condition of /req/core/fc-bbox-response for a CRS84 bbox (4 or 6 numbers; west > east crosses the
   * antimeridian): the geometry intersects the box (A), and features without a geometry match too (C).
   */
  public static String intersects(double... bbox) {
    boolean has3d = bbox.length == 6;
    double west = bbox[0];
    double south = bbox[1];
    double east = bbox[has3d ? 3 : 2];
    double north = bbox[has3d ? 4 : 3];
    String horizontal = west <= east
        ? envelope(west, south, east, north)
        : "(" + envelope(west, south, 180, north) + " OR " + envelope(-180, south, east, north) + ")";
    String box = has3d
        ? horizontal + " AND ST_ZMin(geom) <= " + bbox[5] + " AND ST_ZMax(geom) >= " + bbox[2]
        : horizontal;
    return "(" + box + ") OR geom IS NULL";
  }

  private static String envelope(double west, double south, double east, double north) {
    return "ST_Intersects(" + GEOM_4326 + ", ST_MakeEnvelope(" + west + ", " + south + ", " + east + ", " + north
        + ", 4326))";
  }

  /** Key to {@code ST_AsGeoJSON(ST_Transform(geom, 4326), 7)}, null for a NULL geometry. */
  public Map<String, String> geometries(Layer layer) {
    return database.pairs("SELECT " + layer.keyColumn() + "::text, ST_AsGeoJSON(" + GEOM_4326 + ", 7) FROM "
        + layer.id());
  }

  /** Per feature key: its CRS84 envelope as west, south, east, north (features without geometry left out). */
  public Map<String, double[]> envelopes(Layer layer) {
    Map<String, double[]> envelopes = new LinkedHashMap<>();
    database.rows("SELECT " + layer.keyColumn() + "::text, ST_XMin(g), ST_YMin(g), ST_XMax(g), ST_YMax(g) FROM "
        + "(SELECT " + layer.keyColumn() + ", " + GEOM_4326 + " AS g FROM " + layer.id() + ") t WHERE g IS NOT NULL")
        .forEach(row -> envelopes.put(row.get(0), row.subList(1, 5).stream().mapToDouble(Double::parseDouble).toArray()));
    return envelopes;
  }

  /**
   * The extent of the rows a selection selects, their geometries in the CRS of {@code srid}: min x, min y, max x,
   * max y. The tightest box any extent of those rows can be.
   */
  public double[] extent(Selection selection, int srid) {
    return box("ST_Extent(ST_Transform(geom, " + srid + "))", selection);
  }

  /**
   * The box of the rows a selection selects in their storage CRS, its corners in the CRS of {@code srid}: the extent
   * a server that keeps extents in the storage CRS states, a little wider than {@link #extent} where the CRSs' axes
   * are not parallel.
   */
  public double[] storageExtent(Selection selection, int srid) {
    return box("ST_Envelope(ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, max(ST_SRID(geom))), " + srid + "))",
        selection);
  }

  private double[] box(String aggregate, Selection selection) {
    return database.rows("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT " + aggregate + " e FROM "
        + selection.layer().id() + " WHERE " + selection.condition() + ") x", selection.binds().toArray()).get(0)
        .stream().mapToDouble(Double::parseDouble).toArray();
  }

  /** Keys of the rows whose geometry, in the CRS of {@code srid}, intersects {@code envelopeSql} (in that CRS). */
  public Set<String> keysIntersecting(Layer layer, int srid, String envelopeSql) {
    return new TreeSet<>(database.column("SELECT " + layer.keyColumn() + "::text FROM " + layer.id()
        + " WHERE ST_Intersects(ST_Transform(geom, " + srid + "), " + envelopeSql + ")"));
  }

  /** A position on the surface of the {@code n}th feature (in key order), in the CRS of {@code srid}. */
  public double[] pointOnFeature(Layer layer, int n, int srid) {
    List<String> xy = database.rows("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Transform(ST_PointOnSurface(geom), "
        + srid + ") p FROM " + layer.id() + " WHERE geom IS NOT NULL ORDER BY " + layer.keyColumn()
        + " LIMIT 1 OFFSET " + n + ") x").get(0);
    return new double[] {Double.parseDouble(xy.get(0)), Double.parseDouble(xy.get(1))};
  }

  /** Any SQL for values the fixture knows: every row, every column as text. */
  public List<List<String>> rows(String sql, Object... binds) {
    return database.rows(sql, binds);
  }

  /** Any SQL for values the fixture knows, first column as text. */
  public List<String> column(String sql, Object... binds) {
    return database.column(sql, binds);
  }
}
