package io.urbis.cql2.postgis;

/**
 * Turns queryable names into SQL, from the catalog alone: the compiler never quotes or writes user text itself. Each
 * method throws (any runtime exception) for a name it does not know.
 */
public interface PropertyResolver {

  /**
   * The value of a queryable, such as {@code t."name"}. DATE queryables should yield {@code date}, TIMESTAMP ones
   * {@code timestamptz} (wrap a {@code timestamp} column as {@code (t."start" AT TIME ZONE 'UTC')}), ARRAY ones an
   * array type.
   */
  String sqlExpression(String property);

  /**
   * The geometry of a GEOMETRY queryable in the CRS of EPSG code {@code srid}, in which the filter's geometry
   * literals are, such as {@code t."geom"} when stored so, or {@code ST_Transform(t."geom", 4326)} for CRS84.
   */
  String geometryExpression(String property, int srid);

  /** The SQL type of an ARRAY queryable, such as {@code text[]}; array literals compared with it are cast to it. */
  String sqlType(String property);
}
