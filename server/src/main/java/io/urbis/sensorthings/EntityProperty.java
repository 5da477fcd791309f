package io.urbis.sensorthings;

import io.urbis.cql2.postgis.CompiledSql;
import io.urbis.sensorthings.filter.TypedSql;
import io.urbis.sensorthings.filter.ValueType;

/**
 * A property of an entity type in the fixed model: how SQL writes its JSON value (over the table alias {@code t}) and
 * how filters and {@code $orderby} see it. Nothing here comes from a request.
 *
 * @param name the property name of 18-088
 * @param json the SQL of its JSON value
 * @param value the SQL and type a filter compares
 * @param freeForm whether a filter may walk into it ({@code properties/owner}, {@code unitOfMeasurement/symbol})
 */
record EntityProperty(String name, String json, TypedSql value, boolean freeForm) {

  /** ISO 8601 in UTC with milliseconds, as 18-088 writes times. */
  private static String iso(String column) {
    return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
  }

  static EntityProperty text(String name, String column) {
    return new EntityProperty(name, "t." + column, typed("t." + column, ValueType.STRING), false);
  }

  static EntityProperty json(String name, String column) {
    return new EntityProperty(name, "t." + column, typed("t." + column, ValueType.JSON), true);
  }

  static EntityProperty instant(String name, String column) {
    return new EntityProperty(name, iso("t." + column), typed("t." + column, ValueType.DATE_TIME), false);
  }

  /** A time interval {@code start/end}; an instant when both are equal; null when there is no start. */
  static EntityProperty interval(String name, String start, String end) {
    String json = "CASE WHEN t." + start + " IS NULL THEN NULL WHEN t." + start + " = t." + end + " THEN "
        + iso("t." + start) + " ELSE " + iso("t." + start) + " || '/' || " + iso("t." + end) + " END";
    return new EntityProperty(name, json, TypedSql.interval(CompiledSql.text("t." + start),
        CompiledSql.text("t." + end)), false);
  }

  static EntityProperty geometry(String name, String column) {
    return new EntityProperty(name, "ST_AsGeoJSON(t." + column + ")::json", typed("t." + column, ValueType.GEOMETRY),
        false);
  }

  /**
   * A location or feature as the client sent it (GeoJSON, kept as given); filters see its PostGIS twin in CRS84.
   */
  static EntityProperty geoJson(String name, String column, String geometryColumn) {
    return new EntityProperty(name, "t." + column, typed("t." + geometryColumn, ValueType.GEOMETRY), false);
  }

  /** A property whose JSON is an SQL expression of the model (a constant, a choice of columns). */
  static EntityProperty computed(String name, String json, TypedSql value) {
    return new EntityProperty(name, json, value, false);
  }

  static TypedSql typed(String sql, ValueType type) {
    return TypedSql.of(CompiledSql.text(sql), type);
  }
}
