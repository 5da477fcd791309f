package io.urbis.cql2.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.urbis.cql2.Cql2Exception;
import io.urbis.cql2.Cql2SyntaxException;
import io.urbis.cql2.Cql2ValidationException;
import io.urbis.cql2.Cql2Validator;
import io.urbis.cql2.QueryableType;
import io.urbis.cql2.Queryables;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What GDAL's OAPIF driver 3.6 sends under filter-lang=cql-text, each next to the CQL2 text it means. */
class DraftCqlTextTest {

  private static final Queryables QUERYABLES = new Queryables(Map.of("name", QueryableType.STRING, "floors",
      QueryableType.INTEGER, "built", QueryableType.DATE, "surveyed", QueryableType.TIMESTAMP, "residential",
      QueryableType.BOOLEAN));

  private static void checkMeans(String cql2, String draft) {
    assertEquals(Cql2TextParser.parse(cql2), DraftCqlText.parse(draft, QUERYABLES));
  }

  @Test
  void ilikeIsLikeWithoutRegardToCase() {
    checkMeans("CASEI(name) LIKE CASEI('geb%')", "name ILIKE 'geb%'");
    checkMeans("NOT CASEI(name) LIKE CASEI('geb%')", "name NOT ILIKE 'geb%'");
    checkMeans("(CASEI(name) LIKE CASEI('a%')) AND (floors >= 3)", "(name ILIKE 'a%') AND (floors >= 3)");
  }

  @Test
  void gdalsDateStringWithItsTrailingTIsADate() {
    checkMeans("built > DATE('2000-01-01')", "built > '2000-01-01T'");
    checkMeans("built = DATE('1956-06-26')", "built = '1956-06-26'");
    checkMeans("surveyed >= DATE('2020-03-01')", "surveyed >= '2020-03-01T'");
  }

  @Test
  void gdalsTimestampStringsAsFarAsTheyGoAreTimestamps() {
    checkMeans("surveyed < TIMESTAMP('2020-03-01T12:00:00Z')", "surveyed < '2020-03-01T12Z'");
    checkMeans("surveyed < TIMESTAMP('2020-03-01T12:30:00Z')", "surveyed < '2020-03-01T12:30Z'");
    checkMeans("surveyed <> TIMESTAMP('2020-03-01T12:30:05Z')", "surveyed <> '2020-03-01T12:30:05Z'");
    checkMeans("TIMESTAMP('2020-03-01T12:30:05.25Z') <= surveyed", "'2020-03-01T12:30:05.25Z' <= surveyed");
  }

  @Test
  void zeroAndOneComparedWithABooleanAreFalseAndTrue() {
    checkMeans("residential = TRUE", "residential = 1");
    checkMeans("residential <> FALSE", "residential <> 0");
    checkMeans("floors = 1", "floors = 1");
  }

  @Test
  void stringsComparedWithOtherQueryablesStayStrings() {
    checkMeans("name = '2000-01-01T'", "name = '2000-01-01T'");
  }

  @Test
  void whatIsNeitherAnInstantNorCql2IsStillRefused() {
    Cql2Validator validator = new Cql2Validator(QUERYABLES);
    assertThrows(Cql2ValidationException.class,
        () -> validator.validate(DraftCqlText.parse("built > 'yesterday'", QUERYABLES)));
    Cql2Exception invalidDate =
        assertThrows(Cql2ValidationException.class, () -> DraftCqlText.parse("built > '2000-13-01T'", QUERYABLES));
    assertEquals("'2000-13-01' is not a valid date", invalidDate.getMessage());
    assertThrows(Cql2ValidationException.class,
        () -> validator.validate(DraftCqlText.parse("residential = 2", QUERYABLES)));
  }

  @Test
  void cql2TextKnowsNoneOfTheDraftForms() {
    assertThrows(Cql2SyntaxException.class, () -> Cql2TextParser.parse("name ILIKE 'geb%'"));
    assertThrows(Cql2SyntaxException.class, () -> Cql2TextParser.parse("name NOT ILIKE 'geb%'"));
    Cql2Validator validator = new Cql2Validator(QUERYABLES);
    assertThrows(Cql2ValidationException.class, () -> validator.validate(Cql2TextParser.parse("built > '2000-01-01T'")));
    assertThrows(Cql2ValidationException.class, () -> validator.validate(Cql2TextParser.parse("residential = 1")));
  }
}
