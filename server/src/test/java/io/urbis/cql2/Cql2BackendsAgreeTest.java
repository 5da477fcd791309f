package io.urbis.cql2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.urbis.cql2.AgreementDataset.Feature;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.jts.JtsFilterEvaluator;
import io.urbis.cql2.postgis.CompiledSql;
import io.urbis.cql2.postgis.PostgisSqlCompiler;
import io.urbis.cql2.text.Cql2TextParser;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PostGIS compiler and the JTS evaluator select the same features for filters covering every operator and
 * function, on real PostGIS. Where a filter is followed by {@code =>}, both must select exactly those ids.
 */
class Cql2BackendsAgreeTest {

  private static final AgreementDataset DATA = new AgreementDataset();
  private static final PostgisSqlCompiler COMPILER =
      new PostgisSqlCompiler(AgreementDataset.QUERYABLES, AgreementDataset.RESOLVER);
  private static Cql2TestDatabase database;

  @BeforeAll
  static void loadDataset() throws Exception {
    database = new Cql2TestDatabase();
    DATA.load(database.connection());
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  static List<String> filters() {
    return List.of(
        "name = 'Berlin' => 2", "name <> 'Berlin'", "name < 'Berlin'", "name >= 'K'", "'Berlin' = name => 2",
        "pop > 500000 => 1,2,4", "pop <= 0", "area = 86.2 => 1", "area < pop", "open = true", "open <> false",
        "day = DATE('2022-04-16') => 3,8", "day > DATE('2021-01-01')", "start < TIMESTAMP('2022-04-16T10:14:00Z')",
        "start = DATE('2022-04-16') => 8", "day = TIMESTAMP('2022-04-16T00:00:00Z') => 3,8", "day < start",
        "TRUE => 1,2,3,4,5,6,7,8,9,10", "FALSE =>", "NOT open = true => 3,5,9", "NOT (pop > 1000 OR name = 'x')",
        "(pop > 1000 AND open = true) OR day IS NULL", "pop > 1000 AND NOT open = false",
        "name LIKE 'B%' => 2", "name LIKE '%n'", "name LIKE '_thens' => 3", "name LIKE '%\\%%' => 5",
        "name LIKE '%\\_x\\_' => 5", "name NOT LIKE '%e%'", "name LIKE '%'", "name LIKE 'it''s' => 7",
        "CASEI(name) LIKE casei('k%') => 1,9", "ACCENTI(name) LIKE 'Chisinau' => 4",
        "pop BETWEEN 100000 AND 1000000", "pop NOT BETWEEN 0 AND 1000000", "area BETWEEN pop AND 100",
        "pop BETWEEN 1000000 AND 10 =>", "name IN ('Berlin', 'Athens', 'nowhere') => 2,3", "name NOT IN ('Berlin')",
        "pop IN (0, -5, 7) => 5,7,10", "day IN (DATE('2022-04-16'), DATE('2020-01-01')) => 3,5,8",
        "start IN (TIMESTAMP('2022-04-16T10:13:19Z')) => 2", "open IN (false) => 3,5,9", "'Berlin' IN (name, 'x')",
        "CASEI(name) IN (casei('KØBENHAVN'), casei('athens'), casei('οδοσ')) => 1,3,10",
        "name IS NULL => 6", "day IS NOT NULL", "geom IS NULL => 6", "tags IS NULL => 5,6", "(pop > 5) IS NULL => 6",
        "CASEI(name) = casei('kØBENHAVN') => 1", "ACCENTI(name) = accenti('Chisinau') => 4",
        "ACCENTI(CASEI(name)) = accenti(casei('école 100% _x_')) => 5", "CASEI(name) = casei('ΟΔΟΣ') => 10",
        "name < 'b'", "ACCENTI(name) > 'Z'", "pop + 1 = 1038289 => 1", "pop - area > 1000000", "pop * 2 >= 6026516",
        "pop / 2 = 56286 => 3", "pop % 2 = 0", "pop div 2 = 56286 => 3", "2 ^ 3 = 8", "pop / 0 IS NULL",
        "-pop < 0", "area * 0.5 < 50", "pop % 3 = -2 => 7", "pop div 3 = -1 => 7", "area ^ 2 > 10000",
        "S_INTERSECTS(geom, BBOX(0, 40, 30, 60)) => 1,2,4,8", "S_INTERSECTS(geom, BBOX(160, -20, -170, 20)) => 9",
        "S_WITHIN(geom, POLYGON((-20 -20, 20 -20, 20 20, -20 20, -20 -20))) => 5,7,10",
        "S_CONTAINS(geom, POINT(5 5)) => 5,7,10", "S_DISJOINT(geom, POINT(5 5))", "S_TOUCHES(geom, LINESTRING(10 0, 10 10))",
        "S_OVERLAPS(geom, POLYGON((5 5, 15 5, 15 15, 5 15, 5 5)))", "S_CROSSES(geom, LINESTRING(-20 5, 20 5))",
        "S_EQUALS(geom, POINT(13.4 52.52)) => 2",
        "S_INTERSECTS(geom, GEOMETRYCOLLECTION(POINT(13.4 52.52), LINESTRING(0 5, 1 5)))",
        "S_INTERSECTS(POINT(5 5), geom)", "S_EQUALS(geom, MULTIPOINT((13.4 52.52))) => 2",
        "T_AFTER(start, TIMESTAMP('2022-01-01T00:00:00Z'))", "T_BEFORE(day, DATE('2022-01-01'))",
        "T_DISJOINT(day, DATE('2022-04-16'))", "T_EQUALS(day, DATE('2022-04-16')) => 3,8",
        "T_INTERSECTS(INTERVAL(start, end), INTERVAL('2022-04-16T10:14:00Z', '2022-04-16T10:14:30Z'))",
        "T_DURING(INTERVAL(start, end), INTERVAL('2021-01-01', '2025-01-01'))",
        "T_CONTAINS(INTERVAL(start, end), TIMESTAMP('2022-06-01T00:00:00Z'))",
        "T_STARTS(INTERVAL(start, end), INTERVAL('2022-04-16T10:13:19Z', '..')) => 2",
        "T_STARTEDBY(INTERVAL(start, end), INTERVAL('2022-04-16T10:13:19Z', '2023-01-01T00:00:00Z'))",
        "T_FINISHES(INTERVAL(start, end), INTERVAL('..', '2022-12-16T10:14:53Z'))",
        "T_FINISHEDBY(INTERVAL('..', end), INTERVAL(start, end))",
        "T_MEETS(INTERVAL(start, end), INTERVAL('2022-04-16T10:16:06Z', '..')) => 1",
        "T_METBY(INTERVAL(start, end), INTERVAL('..', '2021-04-16T10:15:59Z')) => 1",
        "T_OVERLAPS(INTERVAL(start, end), INTERVAL('2022-01-01T00:00:00Z', '2023-01-01T00:00:00Z'))",
        "T_OVERLAPPEDBY(INTERVAL(start, end), INTERVAL('2021-01-01T00:00:00Z', '2022-06-01T00:00:00Z'))",
        "T_INTERSECTS(day, INTERVAL('2022-01-01', '..'))", "T_AFTER(INTERVAL(day, day), start)",
        "T_EQUALS(start, end) => 8", "NOT T_BEFORE(start, TIMESTAMP('2022-01-01T00:00:00Z'))",
        "A_CONTAINS(tags, ('a')) => 1,8", "A_CONTAINEDBY(tags, ('a', 'b', 'c')) => 1,2,3,4,8,10",
        "A_EQUALS(tags, ('a', 'b')) => 1", "A_OVERLAPS(tags, ('c', 'x')) => 2,3,9", "A_CONTAINS(nums, (2)) => 1,2",
        "A_EQUALS(nums, ()) => 4", "A_CONTAINEDBY(nums, (1, 2, 3, -5))", "A_OVERLAPS(tags, ()) =>",
        "A_CONTAINS(tags, ()) => 1,2,3,4,7,8,9,10", "NOT A_OVERLAPS(tags, ('a'))");
  }

  @ParameterizedTest
  @MethodSource("filters")
  void bothBackendsSelectTheSameFeatures(String testCase) throws Exception {
    String[] parts = testCase.split(" => ?", -1);
    Expression filter = Cql2TextParser.parse(parts[0]);
    CompiledSql sql = COMPILER.compile(filter);
    TreeSet<Integer> postgis = DATA.selectedByPostgis(database.connection(), sql);
    assertEquals(postgis, selectedByJts(filter), parts[0] + "\n" + sql);
    if (parts.length > 1) {
      assertEquals(expected(parts[1]), postgis, parts[0]);
    }
  }

  @Test
  void theFiltersCoverEveryOperatorAndFunction() {
    String all = String.join(" ", filters()).toUpperCase();
    for (String name : List.of("S_INTERSECTS", "S_EQUALS", "S_DISJOINT", "S_TOUCHES", "S_WITHIN", "S_OVERLAPS",
        "S_CROSSES", "S_CONTAINS", "T_AFTER", "T_BEFORE", "T_CONTAINS", "T_DISJOINT", "T_DURING", "T_EQUALS",
        "T_FINISHEDBY", "T_FINISHES", "T_INTERSECTS", "T_MEETS", "T_METBY", "T_OVERLAPPEDBY", "T_OVERLAPS",
        "T_STARTEDBY", "T_STARTS", "A_EQUALS", "A_CONTAINS", "A_CONTAINEDBY", "A_OVERLAPS", " LIKE ", " BETWEEN ",
        " IN (", " IS NULL", "CASEI", "ACCENTI", " DIV ", " % ", " ^ ", " / ", " * ", " - ", " + ", " <> ", " <= ")) {
      assertEquals(true, all.contains(name), name);
    }
  }

  private static TreeSet<Integer> selectedByJts(Expression filter) {
    JtsFilterEvaluator evaluator = new JtsFilterEvaluator(filter, AgreementDataset.QUERYABLES);
    return DATA.features.stream()
        .filter(feature -> evaluator.matches(feature.properties(), feature.geometry()))
        .map(Feature::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static TreeSet<Integer> expected(String ids) {
    return Arrays.stream(ids.split(",")).filter(id -> !id.isBlank()).map(id -> Integer.valueOf(id.trim()))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
