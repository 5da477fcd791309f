package io.urbis.sensorthings.filter;

import static io.urbis.cql2.postgis.CompiledSql.concat;

import io.urbis.cql2.postgis.CompiledSql;
import io.urbis.sensorthings.filter.FilterExpression.FunctionCall;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The string, date, math and geospatial functions of 18-088 Table 22 (OData 4.0 URL conventions 5.1.1.4 to 5.1.1.7), typed and
 * written as PostgreSQL. Positions in strings are 0-based as in OData. Times are stored in UTC, so their parts are
 * UTC parts and {@code totaloffsetminutes} is 0. Geometries are in CRS84 (SRID 4326), so {@code geo.distance}
 * and {@code geo.length} are in degrees, as the stored coordinates are.
 */
final class FilterFunctions {

  /** A function: its parameter types and how its SQL is made from the arguments' SQL. */
  private record Definition(List<ValueType> parameters, ValueType result,
      Function<List<CompiledSql>, CompiledSql> sql) {}

  private static final List<ValueType> ONE_STRING = List.of(ValueType.STRING);
  private static final List<ValueType> TWO_STRINGS = List.of(ValueType.STRING, ValueType.STRING);
  private static final List<ValueType> ONE_TIME = List.of(ValueType.DATE_TIME);
  private static final List<ValueType> ONE_NUMBER = List.of(ValueType.NUMBER);
  private static final List<ValueType> TWO_GEOMETRIES = List.of(ValueType.GEOMETRY, ValueType.GEOMETRY);

  private static final Map<String, Definition> FUNCTIONS = Map.ofEntries(
      Map.entry("substringof", new Definition(TWO_STRINGS, ValueType.BOOLEAN,
          a -> concat("(strpos(", a.get(1), ", ", a.get(0), ") > 0)"))),
      Map.entry("contains", new Definition(TWO_STRINGS, ValueType.BOOLEAN,
          a -> concat("(strpos(", a.get(0), ", ", a.get(1), ") > 0)"))),
      Map.entry("startswith", new Definition(TWO_STRINGS, ValueType.BOOLEAN,
          a -> concat("starts_with(", a.get(0), ", ", a.get(1), ")"))),
      Map.entry("endswith", new Definition(TWO_STRINGS, ValueType.BOOLEAN,
          a -> concat("(right(", a.get(0), ", length(", a.get(1), ")) = ", a.get(1), ")"))),
      Map.entry("length", new Definition(ONE_STRING, ValueType.NUMBER, a -> concat("length(", a.get(0), ")"))),
      Map.entry("indexof", new Definition(TWO_STRINGS, ValueType.NUMBER,
          a -> concat("(strpos(", a.get(0), ", ", a.get(1), ") - 1)"))),
      Map.entry("substring", new Definition(List.of(ValueType.STRING, ValueType.NUMBER), ValueType.STRING,
          a -> concat("substr(", a.get(0), ", CAST(", a.get(1), " AS integer) + 1)"))),
      Map.entry("tolower", new Definition(ONE_STRING, ValueType.STRING, a -> concat("lower(", a.get(0), ")"))),
      Map.entry("toupper", new Definition(ONE_STRING, ValueType.STRING, a -> concat("upper(", a.get(0), ")"))),
      Map.entry("trim", new Definition(ONE_STRING, ValueType.STRING, a -> concat("btrim(", a.get(0), ")"))),
      Map.entry("concat", new Definition(TWO_STRINGS, ValueType.STRING,
          a -> concat("(", a.get(0), " || ", a.get(1), ")"))),
      Map.entry("year", part("year")),
      Map.entry("month", part("month")),
      Map.entry("day", part("day")),
      Map.entry("hour", part("hour")),
      Map.entry("minute", part("minute")),
      Map.entry("second", new Definition(ONE_TIME, ValueType.NUMBER,
          a -> concat("floor(extract(second FROM ", utc(a.get(0)), "))"))),
      Map.entry("fractionalseconds", new Definition(ONE_TIME, ValueType.NUMBER,
          a -> concat("(extract(second FROM ", utc(a.get(0)), ") - floor(extract(second FROM ", utc(a.get(0)),
              ")))"))),
      Map.entry("date", new Definition(ONE_TIME, ValueType.DATE,
          a -> concat("CAST(", utc(a.get(0)), " AS date)"))),
      Map.entry("totaloffsetminutes", new Definition(ONE_TIME, ValueType.NUMBER,
          a -> concat("(CASE WHEN ", a.get(0), " IS NULL THEN NULL ELSE 0 END)"))),
      Map.entry("now", new Definition(List.of(), ValueType.DATE_TIME, a -> CompiledSql.text("now()"))),
      Map.entry("mindatetime", new Definition(List.of(), ValueType.DATE_TIME,
          a -> CompiledSql.text("CAST('-infinity' AS timestamptz)"))),
      Map.entry("maxdatetime", new Definition(List.of(), ValueType.DATE_TIME,
          a -> CompiledSql.text("CAST('infinity' AS timestamptz)"))),
      Map.entry("round", new Definition(ONE_NUMBER, ValueType.NUMBER,
          a -> concat("round(CAST(", a.get(0), " AS numeric))"))),
      Map.entry("floor", new Definition(ONE_NUMBER, ValueType.NUMBER,
          a -> concat("floor(CAST(", a.get(0), " AS numeric))"))),
      Map.entry("ceiling", new Definition(ONE_NUMBER, ValueType.NUMBER,
          a -> concat("ceiling(CAST(", a.get(0), " AS numeric))"))),
      Map.entry("geo.intersects", spatial("ST_Intersects")),
      Map.entry("geo.distance", new Definition(TWO_GEOMETRIES, ValueType.NUMBER,
          a -> concat("ST_Distance(", a.get(0), ", ", a.get(1), ")"))),
      Map.entry("geo.length", new Definition(List.of(ValueType.GEOMETRY), ValueType.NUMBER,
          a -> concat("ST_Length(", a.get(0), ")"))),
      Map.entry("st_equals", spatial("ST_Equals")),
      Map.entry("st_disjoint", spatial("ST_Disjoint")),
      Map.entry("st_touches", spatial("ST_Touches")),
      Map.entry("st_within", spatial("ST_Within")),
      Map.entry("st_overlaps", spatial("ST_Overlaps")),
      Map.entry("st_crosses", spatial("ST_Crosses")),
      Map.entry("st_intersects", spatial("ST_Intersects")),
      Map.entry("st_contains", spatial("ST_Contains")),
      Map.entry("st_relate", new Definition(List.of(ValueType.GEOMETRY, ValueType.GEOMETRY, ValueType.STRING),
          ValueType.BOOLEAN, a -> concat("ST_Relate(", a.get(0), ", ", a.get(1), ", ", a.get(2), ")"))));

  private FilterFunctions() {}

  static boolean defines(String name) {
    return FUNCTIONS.containsKey(name);
  }

  /**
   * The call as SQL; {@code compile} gives the arguments' typed SQL. A string function also takes a JSON value (its
   * text), a date function an interval (its start).
   */
  static TypedSql compile(FunctionCall call, Function<FilterExpression, TypedSql> compile) {
    Definition definition = FUNCTIONS.get(call.name());
    if (call.arguments().size() != definition.parameters().size()) {
      throw new InvalidFilterException(call.position(), call.name() + " takes " + definition.parameters().size()
          + " argument" + (definition.parameters().size() == 1 ? "" : "s") + ", not " + call.arguments().size());
    }
    CompiledSql[] arguments = new CompiledSql[call.arguments().size()];
    for (int i = 0; i < arguments.length; i++) {
      FilterExpression argument = call.arguments().get(i);
      arguments[i] = argument(call, argument, compile.apply(argument), definition.parameters().get(i));
    }
    return TypedSql.of(definition.sql().apply(List.of(arguments)), definition.result());
  }

  private static CompiledSql argument(FunctionCall call, FilterExpression argument, TypedSql value,
      ValueType expected) {
    if (value.type() == expected || value.type() == ValueType.NULL) {
      return value.sql();
    }
    if (expected == ValueType.STRING && value.type() == ValueType.JSON) {
      return concat("(", value.sql(), " #>> '{}')");
    }
    if (expected == ValueType.DATE_TIME && value.type() == ValueType.INTERVAL) {
      return value.sql();
    }
    if (expected == ValueType.NUMBER && value.type() == ValueType.JSON) {
      return concat("(CASE WHEN jsonb_typeof(", value.sql(), ") = 'number' THEN CAST(", value.sql(),
          " AS numeric) END)");
    }
    throw new InvalidFilterException(argument.position(), call.name() + " needs " + expected.label() + " here, not "
        + value.type().label());
  }

  /** A spatial relation of 18-088 Table 22, computed by the PostGIS function of the same name. */
  private static Definition spatial(String function) {
    return new Definition(TWO_GEOMETRIES, ValueType.BOOLEAN,
        a -> concat(function + "(", a.get(0), ", ", a.get(1), ")"));
  }

  private static Definition part(String field) {
    return new Definition(ONE_TIME, ValueType.NUMBER, a -> concat("extract(" + field + " FROM ", utc(a.get(0)), ")"));
  }

  private static CompiledSql utc(CompiledSql time) {
    return concat("(", time, " AT TIME ZONE 'UTC')");
  }
}
