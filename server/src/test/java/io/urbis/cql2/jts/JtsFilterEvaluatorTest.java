package io.urbis.cql2.jts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.cql2.Cql2ValidationException;
import io.urbis.cql2.QueryableType;
import io.urbis.cql2.Queryables;
import io.urbis.cql2.text.Cql2TextParser;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class JtsFilterEvaluatorTest {

  private static final Queryables QUERYABLES = new Queryables(Map.of("name", QueryableType.STRING, "pop",
      QueryableType.INTEGER, "open", QueryableType.BOOLEAN, "day", QueryableType.DATE, "start",
      QueryableType.TIMESTAMP, "tags", QueryableType.ARRAY, "geom", QueryableType.GEOMETRY));

  private static final Geometry POINT = new GeometryFactory().createPoint(new Coordinate(7, 50));

  private static boolean matches(String filter, Map<String, ?> properties) {
    return new JtsFilterEvaluator(Cql2TextParser.parse(filter), QUERYABLES).matches(properties, POINT);
  }

  private static Map<String, Object> feature(Object... keysAndValues) {
    Map<String, Object> properties = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }

  @Test
  void aMissingValueMakesComparisonsAndTheirNegationUnknown() {
    Map<String, Object> noPop = feature("name", "x");
    assertFalse(matches("pop > 5", noPop));
    assertFalse(matches("NOT pop > 5", noPop));
    assertTrue(matches("pop IS NULL", noPop));
    assertTrue(matches("pop > 5 OR name = 'x'", noPop));
    assertFalse(matches("pop > 5 OR name = 'y'", noPop));
    assertFalse(matches("NOT pop IN (1, 2)", noPop));
  }

  @Test
  void readsStoredTextAndNumbersAsTheQueryablesType() {
    Map<String, Object> stored = feature("pop", 7, "open", 1, "day", "2021-04-16", "start", "2021-04-16T10:15:59",
        "tags", new Object[] {"a", 2});
    assertTrue(matches("pop = 7 AND open = TRUE AND day = DATE('2021-04-16')", stored));
    assertTrue(matches("start = TIMESTAMP('2021-04-16T10:15:59Z')", stored));
    assertTrue(matches("A_CONTAINS(tags, ('a'))", stored));
    assertFalse(matches("day IS NULL", stored));
    assertTrue(matches("day IS NULL", feature("day", "not a date")));
  }

  @Test
  void theFeatureGeometryStandsForEveryGeometryQueryable() {
    assertTrue(matches("S_INTERSECTS(geom, BBOX(0, 40, 10, 60))", feature()));
    assertFalse(new JtsFilterEvaluator(Cql2TextParser.parse("S_INTERSECTS(geom, BBOX(0, 40, 10, 60))"), QUERYABLES)
        .matches(feature(), null));
  }

  @Test
  void likeStaysFastOnPatternsThatWouldMakeARegexBacktrack() {
    String pattern = "%a".repeat(30) + "b";
    Map<String, Object> longName = feature("name", "a".repeat(20_000));
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertFalse(matches("name LIKE '" + pattern + "'",
        longName)));
  }

  @Test
  void likeHonoursEscapesAndSingleCharacterWildcards() {
    assertTrue(LikePattern.of("100\\%").matches("100%"));
    assertFalse(LikePattern.of("100\\%").matches("1000"));
    assertTrue(LikePattern.of("K_benhavn").matches("København"));
    assertTrue(LikePattern.of("%🌍_").matches("x🌍y"));
    assertTrue(LikePattern.of("a\\\\b").matches("a\\b"));
    assertTrue(LikePattern.of("%").matches(""));
    assertFalse(LikePattern.of("_").matches(""));
  }

  @Test
  void validatesWhenBuilt() {
    assertThrows(Cql2ValidationException.class,
        () -> new JtsFilterEvaluator(Cql2TextParser.parse("tags = 1"), QUERYABLES));
    assertTrue(matches("A_EQUALS(tags, ('a', 'b'))", feature("tags", List.of("a", "b"))));
  }
}
