package io.urbis.sensorthings.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.cql2.postgis.CompiledSql;
import io.urbis.error.UrbisException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterSqlCompilerTest {

  /** A fixed model: a name, a number, an interval, a JSON result and a geometry. */
  private static final Map<String, TypedSql> MODEL = Map.of(
      "name", TypedSql.of(CompiledSql.text("t.name"), ValueType.STRING),
      "id", TypedSql.of(CompiledSql.text("t.id"), ValueType.NUMBER),
      "phenomenonTime", TypedSql.interval(CompiledSql.text("t.start"), CompiledSql.text("t.end")),
      "result", TypedSql.of(CompiledSql.text("t.result"), ValueType.JSON),
      "location", TypedSql.of(CompiledSql.text("t.geom"), ValueType.GEOMETRY));
  private static final FilterSqlCompiler COMPILER = new FilterSqlCompiler(path -> {
    TypedSql property = MODEL.get(path.text());
    if (property == null) {
      throw new InvalidFilterException(path.position(), "no property " + path.text());
    }
    return property;
  });

  @Test
  void comparisonsAndLogicBindEveryLiteral() {
    CompiledSql sql = compile("name eq 'Town hall' and not (id gt 3 or id le -1)");
    assertEquals("((t.name = CAST(? AS text)) AND (NOT ((t.id > CAST(? AS numeric)) OR (t.id <= CAST(? AS numeric)))))",
        sql.sql());
    assertEquals(List.of("Town hall", new BigDecimal("3"), new BigDecimal("-1")), sql.binds());
  }

  @Test
  void arithmeticIsNumericAndDivisionByZeroIsNull() {
    assertEquals("((CAST((CAST(t.id AS numeric) / NULLIF(CAST(CAST(? AS numeric) AS numeric), 0)) AS numeric)"
        + " + CAST(CAST(? AS numeric) AS numeric)) > CAST(? AS numeric))", compile("id div 2 add 1 gt 5").sql());
  }

  @Test
  void anIntervalComparesAsAWhole() {
    OffsetDateTime instant = OffsetDateTime.parse("2024-01-01T00:00:00Z");
    CompiledSql before = compile("phenomenonTime lt 2024-01-01T00:00:00Z");
    assertEquals("(t.end < CAST(? AS timestamptz))", before.sql());
    assertEquals(List.of(instant), before.binds());
    assertEquals("(t.start > CAST(? AS timestamptz))", compile("2024-01-01T00:00:00Z lt phenomenonTime").sql());
    assertEquals("(t.start = CAST(? AS timestamptz) AND t.end = CAST(? AS timestamptz))",
        compile("phenomenonTime eq 2024-01-01T00:00:00Z").sql());
  }

  @Test
  void jsonComparesAsJsonb() {
    assertEquals("(t.result >= to_jsonb(CAST(? AS numeric)))", compile("result ge 20.5").sql());
    assertEquals("(((CASE WHEN jsonb_typeof(t.result) = 'number' THEN CAST(t.result AS numeric) END)"
        + " * CAST(CAST(? AS numeric) AS numeric)) > CAST(? AS numeric))",
        compile("result mul 2 gt 1").sql());
  }

  @Test
  void nullComparesWithIsNull() {
    assertEquals("(t.name IS NULL)", compile("name eq null").sql());
    assertEquals("(t.name IS NOT NULL)", compile("null ne name").sql());
  }

  @Test
  void typeMismatchesSayWhere() {
    assertEquals("at position 1: a string cannot be compared with a number", error("name eq 1"));
    assertEquals("at position 1: an interval cannot be compared with a number", error("phenomenonTime gt 3"));
    assertEquals("at position 1: expected a condition that is true or false, found a number", error("id add 1"));
    assertEquals("at position 13: expected a condition that is true or false, found a string",
        error("id eq 1 and name"));
    assertEquals("at position 1: arithmetic needs numbers, not a string", error("name add 1 eq 2"));
    assertEquals("at position 1: null can only be compared with eq and ne", error("name gt null"));
    assertEquals("at position 1: a geometry cannot be compared with a geometry",
        error("location eq geography'POINT (1 2)'"));
    assertTrue(error("location eq geography'POINT'").startsWith("at position 13: not a WKT geometry: "));
  }

  @Test
  void unknownFunctionsAreBadRequestsAndStandardOnesNotYetImplemented() {
    assertEquals("at position 1: unknown function 'frobnicate'", error("frobnicate(name)"));
    UrbisException later = assertThrows(UrbisException.class, () -> compile("time(phenomenonTime) eq 1"));
    assertEquals(501, later.status());
  }

  @Test
  void stringDateAndMathFunctionsAreTyped() {
    CompiledSql sql = compile("startswith(tolower(name), 'town') and year(phenomenonTime) eq 2024"
        + " and round(result) ge 3 and indexof(name, 'h') eq 5");
    assertEquals("(((starts_with(lower(t.name), CAST(? AS text)) AND (extract(year FROM (t.start AT TIME ZONE"
        + " 'UTC')) = CAST(? AS numeric))) AND (round(CAST((CASE WHEN jsonb_typeof(t.result) = 'number' THEN"
        + " CAST(t.result AS numeric) END) AS numeric)) >= CAST(? AS numeric))) AND ((strpos(t.name, CAST(? AS"
        + " text)) - 1) = CAST(? AS numeric)))", sql.sql());
    assertEquals(List.of("town", new BigDecimal("2024"), new BigDecimal("3"), "h", new BigDecimal("5")),
        sql.binds());
    assertEquals("(strpos(t.name, CAST(? AS text)) > 0)", compile("substringof('hall', name)").sql());
  }

  @Test
  void geospatialFunctionsTakeGeometriesInCrs84() {
    CompiledSql sql = compile("st_within(location, geography'SRID=4326;POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))')");
    assertEquals("ST_Within(t.geom, ST_GeomFromText(CAST(? AS text), 4326))", sql.sql());
    assertEquals(List.of("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))"), sql.binds());
    assertEquals("at position 16: geo.intersects needs a geometry here, not a string",
        error("geo.intersects(name, location)"));
  }

  @Test
  void functionArgumentsAreCounted() {
    assertEquals("at position 1: startswith takes 2 arguments, not 1", error("startswith(name)"));
    assertEquals("at position 6: year needs a date time here, not a string", error("year(name) eq 1"));
    assertEquals("at position 1: expected a condition that is true or false, found a number", error("length(name)"));
  }

  @Test
  void unknownPropertiesAreRefusedByTheModel() {
    assertEquals("at position 9: no property colour", error("name eq colour"));
  }

  private static CompiledSql compile(String filter) {
    return COMPILER.where(FilterParser.parse(filter));
  }

  private static String error(String filter) {
    return assertThrows(InvalidFilterException.class, () -> compile(filter)).getMessage();
  }
}
