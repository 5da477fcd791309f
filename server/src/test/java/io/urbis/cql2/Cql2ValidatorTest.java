package io.urbis.cql2;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.urbis.cql2.ast.Arithmetic;
import io.urbis.cql2.ast.ArithmeticOperator;
import io.urbis.cql2.ast.NumberLiteral;
import io.urbis.cql2.ast.Property;
import io.urbis.cql2.json.Cql2JsonParser;
import io.urbis.cql2.text.Cql2TextParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Cql2ValidatorTest {

  private static final Queryables QUERYABLES = new Queryables(Map.of("name", QueryableType.STRING, "pop",
      QueryableType.INTEGER, "area", QueryableType.NUMBER, "open", QueryableType.BOOLEAN, "day", QueryableType.DATE,
      "start", QueryableType.TIMESTAMP, "geom", QueryableType.GEOMETRY, "tags", QueryableType.ARRAY));

  private static final Cql2Validator VALIDATOR = new Cql2Validator(QUERYABLES);

  private static void checkValid(String filter) {
    assertDoesNotThrow(() -> VALIDATOR.validate(Cql2TextParser.parse(filter)), filter);
  }

  private static void checkInvalid(String filter, String message) {
    Cql2ValidationException error = assertThrows(Cql2ValidationException.class,
        () -> VALIDATOR.validate(Cql2TextParser.parse(filter)));
    assertEquals(message, error.getMessage());
  }

  @Test
  void acceptsWellTypedFilters() {
    checkValid("name = 'x' AND pop > 5 AND area <= pop * 2.5 AND open = TRUE AND day < DATE('2020-01-01')");
    checkValid("start >= DATE('2020-01-01') AND day IN (DATE('2020-01-01'), TIMESTAMP('2020-01-01T10:00:00Z'))");
    checkValid("CASEI(ACCENTI(name)) LIKE CASEI('a%') AND pop BETWEEN 1 AND 2 AND geom IS NULL");
    checkValid("S_INTERSECTS(geom, BBOX(150, -90, -150, 90)) AND T_DURING(INTERVAL(day, start), INTERVAL('..', "
        + "'2020-01-01'))");
    checkValid("A_CONTAINS(tags, ('a', 'b')) AND A_EQUALS((1, 2), (1, 2.5)) AND A_OVERLAPS(tags, ())");
  }

  @Test
  void refusesUnknownQueryablesAndFunctions() {
    checkInvalid("nme = 'x'", "unknown queryable 'nme'");
    checkInvalid("avg(pop) > 1", "unknown function 'avg'");
  }

  @Test
  void refusesOperandsOfTheWrongType() {
    checkInvalid("name > 5", "> cannot compare queryable 'name' of type STRING with a value of type NUMBER");
    checkInvalid("day = '2020-01-01'", "= cannot compare queryable 'day' of type DATE with a value of type STRING");
    checkInvalid("S_INTERSECTS(name, POINT(1 2))",
        "S_INTERSECTS needs an operand of type GEOMETRY, not queryable 'name' of type STRING");
    checkInvalid("pop LIKE 'a%'", "LIKE needs an operand of type STRING, not queryable 'pop' of type NUMBER");
    checkInvalid("T_AFTER(pop, DATE('2020-01-01'))",
        "T_AFTER takes dates, timestamps and intervals, not queryable 'pop' of type NUMBER");
    checkInvalid("A_CONTAINS(name, ('a'))", "A_CONTAINS needs an operand of type ARRAY, not queryable 'name' of type "
        + "STRING");
    checkInvalid("geom = geom", "= cannot compare queryable 'geom' of type GEOMETRY with queryable 'geom' of type "
        + "GEOMETRY");
    checkInvalid("name BETWEEN 1 AND 2",
        "BETWEEN needs an operand of type NUMBER, not queryable 'name' of type STRING");
  }

  @Test
  void refusesArraysThatSqlCannotType() {
    checkInvalid("A_CONTAINS(tags, ('a', 1))", "array elements must be strings, numbers, booleans, dates or "
        + "timestamps, all of one type; found a value of type NUMBER");
    checkInvalid("A_EQUALS((), ())", "A_EQUALS of two array literals needs two non-empty arrays of one type");
  }

  @Test
  void refusesCoordinatesOutsideCrs84() {
    checkInvalid("S_INTERSECTS(geom, POINT(90 180))", "the coordinate (90.0 180.0) lies outside CRS84: longitude "
        + "must be within -180..180 and latitude within -90..90");
    checkInvalid("S_INTERSECTS(geom, BBOX(0, 10, 1, 5))",
        "the south edge of a BBOX must not lie north of its north edge");
  }

  @Test
  void refusesALikePatternEndingInAnEscape() {
    Cql2ValidationException error = assertThrows(Cql2ValidationException.class, () -> VALIDATOR.validate(
        Cql2JsonParser.parse("{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"a\\\\\"]}")));
    assertEquals("a LIKE pattern must not end with the escape character '\\'", error.getMessage());
    checkValid("name LIKE 'a\\\\b'");
  }

  @Test
  void aFilterMustBeAPredicate() {
    Cql2ValidationException error = assertThrows(Cql2ValidationException.class,
        () -> VALIDATOR.validate(new Arithmetic(ArithmeticOperator.ADD, NumberLiteral.of(1), new Property("pop"))));
    assertEquals("a filter must be a predicate, not a value of type NUMBER", error.getMessage());
  }
}
