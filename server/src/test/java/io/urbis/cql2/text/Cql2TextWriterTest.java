package io.urbis.cql2.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.urbis.cql2.ast.Comparison;
import io.urbis.cql2.ast.ComparisonOperator;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.Property;
import io.urbis.cql2.ast.StringLiteral;
import org.junit.jupiter.api.Test;

class Cql2TextWriterTest {

  private static void checkWritten(String expected, String filter) {
    assertEquals(expected, Cql2TextWriter.write(Cql2TextParser.parse(filter)));
  }

  private static void checkStringRoundTrip(String value) {
    Expression filter = new Comparison(ComparisonOperator.EQUAL, new Property("x"), new StringLiteral(value));
    assertEquals(filter, Cql2TextParser.parse(Cql2TextWriter.write(filter)), value);
  }

  @Test
  void writesParenthesesOnlyWherePrecedenceNeedsThem() {
    checkWritten("\"a\" = 1 OR \"b\" = 2 AND \"c\" = 3", "a = 1 OR (b = 2 AND c = 3)");
    checkWritten("(\"a\" = 1 OR \"b\" = 2) AND \"c\" = 3", "(a = 1 OR b = 2) AND c = 3");
    checkWritten("NOT (\"a\" = 1 AND \"b\" = 2)", "NOT (a = 1 AND b = 2)");
    checkWritten("\"x\" = 10 - (2 - 3) * 4 ^ 2", "x = 10 - (2 - 3) * 4 ^ 2");
    checkWritten("\"x\" = -1 * \"y\" - -2.5", "x = -y - -2.5");
  }

  @Test
  void writesEveryLiteralForm() {
    checkWritten("T_DURING(INTERVAL(\"s\", '..'), INTERVAL('2020-01-01', '2021-01-01T10:00:00Z'))",
        "t_during(interval(s, '..'), interval('2020-01-01', '2021-01-01T10:00:00.000Z'))");
    checkWritten("S_INTERSECTS(\"g\", BBOX(150, -90, -150, 90.5))", "s_intersects(g, bbox(150,-90,-150,90.5))");
    checkWritten("S_WITHIN(POINT Z(1 2 3), \"g\")", "s_within(POINT Z (1 2 3), g)");
    checkWritten("A_OVERLAPS(\"v\", (DATE('2010-02-10'), TRUE))", "a_overlaps(v, (date('2010-02-10'), true))");
  }

  @Test
  void quotesStringsSoTheyReadBack() {
    checkWritten("\"x\" = 'it''s'", "x = 'it\\'s'");
    String[] values = {"", "'", "''", "\\'", "a\\'b", "\\''", "\\\\'", "%\\_", "Ωμέγα 🌍", "\"; --"};
    for (String value : values) {
      checkStringRoundTrip(value);
    }
  }

  @Test
  void aStringEndingInABackslashHasNoTextForm() {
    Expression filter = new Comparison(ComparisonOperator.EQUAL, new Property("x"), new StringLiteral("a\\"));
    assertThrows(IllegalArgumentException.class, () -> Cql2TextWriter.write(filter));
  }
}
