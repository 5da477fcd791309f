package io.urbis.cql2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.jts.JtsFilterEvaluator;
import io.urbis.cql2.postgis.CompiledSql;
import io.urbis.cql2.postgis.PostgisSqlCompiler;
import io.urbis.cql2.postgis.PropertyResolver;
import io.urbis.cql2.text.Cql2TextParser;
import io.urbis.testdata.AtsQueries;
import io.urbis.testdata.AtsQueries.Query;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The concrete queries of the CQL2 abstract test suite (OGC 21-065 Annex A) on its Natural Earth data, through the
 * JTS evaluator and through PostGIS. The expected counts are the ones checked against the data with GDAL
 * ({@code verification.tsv}); they equal the standard's except for three rows the standard miscounts. Template rows
 * checked there (whole-world S_DISJOINT) name the geometry queryable {@code geom}.
 */
class Cql2AtsTest {

  private static AtsDataset data;
  private static Cql2TestDatabase database;

  /** The template rows name the geometry queryable {@code geom}, as the data has it. */
  static List<Query> rows() throws Exception {
    return AtsQueries.all().stream().map(query -> new Query(query.line(), query.collection(),
        query.filter().replace(AtsQueries.GEOMETRY_PLACEHOLDER, "geom"), query.expected())).toList();
  }

  @BeforeAll
  static void loadData() throws Exception {
    assumeTrue(AtsQueries.FOLDER.isPresent(), "shared CQL2 ATS data not found beside the repository");
    data = new AtsDataset(AtsQueries.FOLDER.get().resolve("data"));
    database = new Cql2TestDatabase();
    data.copyInto(database.connection());
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  @ParameterizedTest
  @MethodSource("rows")
  void theJtsEvaluatorFindsTheExpectedCount(Query row) {
    Expression filter = Cql2TextParser.parse(row.filter());
    JtsFilterEvaluator evaluator = new JtsFilterEvaluator(filter, data.queryables.get(row.collection()));
    long count = data.features.get(row.collection()).stream()
        .filter(feature -> evaluator.matches(feature.properties(), feature.geometry()))
        .count();
    assertEquals(row.expected(), count);
  }

  @ParameterizedTest
  @MethodSource("rows")
  void postgisFindsTheExpectedCount(Query row) throws Exception {
    Queryables queryables = data.queryables.get(row.collection());
    CompiledSql where = new PostgisSqlCompiler(queryables, resolver(queryables)).compile(
        Cql2TextParser.parse(row.filter()));
    try (PreparedStatement statement = database.connection().prepareStatement(
        "SELECT count(*) FROM " + row.collection() + " t WHERE " + where.sql())) {
      for (int i = 0; i < where.binds().size(); i++) {
        statement.setObject(i + 1, where.binds().get(i));
      }
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        assertEquals(row.expected(), result.getInt(1), where.toString());
      }
    }
  }

  private static PropertyResolver resolver(Queryables queryables) {
    return new QuotedColumns(queryables, Map.of());
  }
}
