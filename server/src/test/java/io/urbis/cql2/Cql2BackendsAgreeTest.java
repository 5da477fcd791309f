package io.urbis.cql2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.urbis.cql2.AgreementDataset.Feature;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.jts.JtsFilterEvaluator;
import io.urbis.cql2.postgis.CompiledSql;
import io.urbis.cql2.postgis.PostgisSqlCompiler;
import io.urbis.cql2.text.Cql2TextParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * function ({@code agreement-filters.txt}), on real PostGIS. Where a filter is followed by {@code =>}, both must
 * select exactly those ids.
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

  static List<String> filters() throws IOException {
    try (InputStream in = Cql2BackendsAgreeTest.class.getResourceAsStream("agreement-filters.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    }
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
  void theFiltersCoverEveryOperatorAndFunction() throws IOException {
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
