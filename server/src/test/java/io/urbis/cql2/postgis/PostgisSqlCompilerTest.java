package io.urbis.cql2.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.urbis.cql2.AccentFolding;
import io.urbis.crs.Crs;
import io.urbis.cql2.Cql2ValidationException;
import io.urbis.cql2.FilterCrs;
import io.urbis.cql2.QueryableType;
import io.urbis.cql2.Queryables;
import io.urbis.cql2.text.Cql2TextParser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgisSqlCompilerTest {

  private static final Queryables QUERYABLES = new Queryables(Map.of("name", QueryableType.STRING, "pop",
      QueryableType.INTEGER, "day", QueryableType.DATE, "start", QueryableType.TIMESTAMP, "geom",
      QueryableType.GEOMETRY, "tags", QueryableType.ARRAY));

  private static final PropertyResolver RESOLVER = new PropertyResolver() {
    @Override
    public String sqlExpression(String property) {
      return "t.\"" + property + "\"";
    }

    @Override
    public String geometryExpression(String property, int srid) {
      return "ST_Transform(t.\"" + property + "\", " + srid + ")";
    }

    @Override
    public String sqlType(String property) {
      return "text[]";
    }
  };

  private static final PostgisSqlCompiler COMPILER = new PostgisSqlCompiler(QUERYABLES, RESOLVER);

  private static void checkSql(String filter, String sql, Object... binds) {
    CompiledSql compiled = COMPILER.compile(Cql2TextParser.parse(filter));
    assertEquals(sql, compiled.sql());
    assertEquals(List.of(binds), compiled.binds());
  }

  @Test
  void bindsEveryLiteralWithAnExplicitType() {
    checkSql("name = 'x''; DROP TABLE t; --' AND pop >= 5 OR NOT pop < 1.5",
        "(((t.\"name\" = CAST(? AS text)) AND (t.\"pop\" >= CAST(? AS bigint))) OR (NOT (t.\"pop\" < CAST(? AS double "
            + "precision))))", "x'; DROP TABLE t; --", 5L, 1.5);
  }

  @Test
  void ordersStringsByCodePoint() {
    checkSql("name < 'K'", "(t.\"name\" < CAST(? AS text) COLLATE \"C\")", "K");
  }

  @Test
  void likeEscapesWithABackslash() {
    checkSql("name NOT LIKE '100\\%'", "(NOT (t.\"name\" LIKE CAST(? AS text) ESCAPE E'\\\\'))", "100\\%");
  }

  @Test
  void foldsCaseWithLowerAndAccentsWithABoundTranslationTable() {
    checkSql("CASEI(name) = casei('Ä')", "(lower(t.\"name\") = lower(CAST(? AS text)))", "Ä");
    checkSql("ACCENTI(name) = 'a'",
        "(translate(t.\"name\", CAST(? AS text), CAST(? AS text)) = CAST(? AS text))", AccentFolding.FROM,
        AccentFolding.TO, "a");
  }

  @Test
  void computesInNumericAndDividesByZeroToNull() {
    checkSql("pop / 2 > 1", "((CAST(t.\"pop\" AS numeric) / NULLIF(CAST(? AS numeric), 0)) > CAST(? AS bigint))", 2L,
        1L);
    checkSql("pop div 2 = -pop", "(div(CAST(t.\"pop\" AS numeric), NULLIF(CAST(? AS numeric), 0)) = (CAST(? AS "
        + "numeric) * CAST(t.\"pop\" AS numeric)))", 2L, -1L);
  }

  @Test
  void comparesGeometriesInCrs84() {
    checkSql("S_INTERSECTS(geom, POINT(1 2))",
        "ST_Intersects(ST_Transform(t.\"geom\", 4326), ST_GeomFromText(CAST(? AS text), 4326))", "POINT (1 2)");
    checkSql("S_WITHIN(geom, BBOX(170, -10, -170, 10))", "ST_Within(ST_Transform(t.\"geom\", 4326), "
        + "ST_GeomFromText(CAST(? AS text), 4326))",
        "MULTIPOLYGON (((170 -10, 170 10, 180 10, 180 -10, 170 -10)), ((-180 -10, -180 10, -170 10, -170 -10, -180 "
            + "-10)))");
  }

  @Test
  void comparesGeometriesInTheCrsOfTheLiterals() {
    CompiledSql compiled = COMPILER.compile(FilterCrs.apply(
        Cql2TextParser.parse("S_INTERSECTS(BBOX(350000, 5700000, 351000, 5701000), geom)"), Crs.epsg(25832)));
    assertEquals("ST_Intersects(ST_GeomFromText(CAST(? AS text), 25832), ST_Transform(t.\"geom\", 25832))",
        compiled.sql());
    assertEquals(List.of("POLYGON ((350000 5700000, 350000 5701000, 351000 5701000, 351000 5700000, 350000 5700000))"),
        compiled.binds());
    checkSql("S_INTERSECTS(geom, geom)", "ST_Intersects(ST_Transform(t.\"geom\", 4326), ST_Transform(t.\"geom\", "
        + "4326))");
  }

  @Test
  void comparesDatesWithTimestampsAtMidnightUtc() {
    Instant noon = Instant.parse("2020-01-01T12:00:00Z");
    checkSql("T_AFTER(day, TIMESTAMP('2020-01-01T12:00:00Z'))",
        "((CAST(t.\"day\" AS timestamp) AT TIME ZONE 'UTC') > CAST(? AS timestamptz))", noon.atOffset(ZoneOffset.UTC));
    checkSql("start = DATE('2020-01-01')", "(t.\"start\" = (CAST(CAST(? AS date) AS timestamp) AT TIME ZONE 'UTC'))",
        LocalDate.parse("2020-01-01"));
  }

  @Test
  void comparesIntervalEndpointsAndTreatsOpenEndsAsInfinite() {
    checkSql("T_DURING(day, INTERVAL('2020-01-01', '..'))",
        "(t.\"day\" > CAST(? AS date) AND t.\"day\" < CAST('infinity' AS date))", LocalDate.parse("2020-01-01"));
    checkSql("T_DISJOINT(INTERVAL('..', start), start)", "(CAST('-infinity' AS timestamptz) > t.\"start\" OR "
        + "t.\"start\" < t.\"start\")");
  }

  @Test
  void castsArrayLiteralsToTheQueryablesArrayType() {
    checkSql("A_CONTAINS(tags, ('a', 'b'))",
        "(t.\"tags\" @> CAST(ARRAY[CAST(? AS text), CAST(? AS text)] AS text[]))", "a", "b");
    checkSql("A_OVERLAPS(('a'), tags)", "(CAST(ARRAY[CAST(? AS text)] AS text[]) && t.\"tags\")", "a");
  }

  @Test
  void validatesBeforeResolvingAnything() {
    assertThrows(Cql2ValidationException.class, () -> COMPILER.compile(Cql2TextParser.parse("nope = 1")));
    assertThrows(Cql2ValidationException.class, () -> COMPILER.compile(Cql2TextParser.parse("name = 1")));
  }
}
