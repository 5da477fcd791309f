package io.urbis.cql2.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.cql2.Cql2SyntaxException;
import io.urbis.cql2.ast.Arithmetic;
import io.urbis.cql2.ast.ArithmeticOperator;
import io.urbis.cql2.ast.ArrayLiteral;
import io.urbis.cql2.ast.ArrayOperator;
import io.urbis.cql2.ast.ArrayPredicate;
import io.urbis.cql2.ast.BboxLiteral;
import io.urbis.cql2.ast.BooleanLiteral;
import io.urbis.cql2.ast.Comparison;
import io.urbis.cql2.ast.ComparisonOperator;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.FunctionCall;
import io.urbis.cql2.ast.GeometryLiteral;
import io.urbis.cql2.ast.Interval;
import io.urbis.cql2.ast.IsNull;
import io.urbis.cql2.ast.Like;
import io.urbis.cql2.ast.Logical;
import io.urbis.cql2.ast.LogicalOperator;
import io.urbis.cql2.ast.Not;
import io.urbis.cql2.ast.NumberLiteral;
import io.urbis.cql2.ast.Property;
import io.urbis.cql2.ast.SpatialPredicate;
import io.urbis.cql2.ast.StringLiteral;
import io.urbis.cql2.ast.TemporalPredicate;
import io.urbis.cql2.ast.Unbounded;
import java.util.List;
import org.junit.jupiter.api.Test;

class Cql2TextParserTest {

  private static Expression equal(String property, Object value) {
    Expression literal = value instanceof String text ? new StringLiteral(text) : new NumberLiteral((Number) value);
    return new Comparison(ComparisonOperator.EQUAL, new Property(property), literal);
  }

  private static void checkSame(String expected, String actual) {
    assertEquals(Cql2TextParser.parse(expected), Cql2TextParser.parse(actual));
  }

  private static void checkError(String filter, String message) {
    Cql2SyntaxException error = assertThrows(Cql2SyntaxException.class, () -> Cql2TextParser.parse(filter));
    assertEquals(message, error.getMessage());
  }

  @Test
  void andBindsTighterThanOr() {
    Expression parsed = Cql2TextParser.parse("a = 1 OR b = 2 AND c = 3");
    assertEquals(new Logical(LogicalOperator.OR, List.of(equal("a", 1L),
        new Logical(LogicalOperator.AND, List.of(equal("b", 2L), equal("c", 3L))))), parsed);
  }

  @Test
  void notBindsTighterThanAnd() {
    Expression parsed = Cql2TextParser.parse("NOT a = 1 AND b = 2");
    assertEquals(new Logical(LogicalOperator.AND, List.of(new Not(equal("a", 1L)), equal("b", 2L))), parsed);
  }

  @Test
  void parenthesesOverridePrecedence() {
    Expression parsed = Cql2TextParser.parse("(a = 1 OR b = 2) AND c = 3");
    assertEquals(new Logical(LogicalOperator.AND, List.of(
        new Logical(LogicalOperator.OR, List.of(equal("a", 1L), equal("b", 2L))), equal("c", 3L))), parsed);
  }

  @Test
  void chainsOfOneOperatorAreFlat() {
    checkSame("a = 1 AND b = 2 AND c = 3", "(a = 1 AND b = 2) AND c = 3");
    assertEquals(3, ((Logical) Cql2TextParser.parse("a = 1 AND (b = 2 AND c = 3)")).operands().size());
  }

  @Test
  void arithmeticFollowsTheUsualPrecedenceAndAssociatesLeft() {
    checkSame("x = (1 + (2 * (3 ^ 2))) - 4", "x = 1 + 2 * 3 ^ 2 - 4");
    checkSame("x = (10 - 2) - 3", "x = 10 - 2 - 3");
    checkSame("x = (a div 2) % 3", "x = a DIV 2 % 3");
  }

  @Test
  void minusBeforeANumberMakesANegativeLiteralAndBeforeAnythingElseMultipliesByMinusOne() {
    assertEquals(equal("x", -5L), Cql2TextParser.parse("x = -5"));
    assertEquals(equal("x", -0.5), Cql2TextParser.parse("x=-.5"));
    assertEquals(new Comparison(ComparisonOperator.EQUAL, new Property("x"), new Arithmetic(
        ArithmeticOperator.MULTIPLY, NumberLiteral.of(-1), new Property("y"))), Cql2TextParser.parse("x = - y"));
    checkSame("x = 3 - -2", "x = 3 - (-2)");
  }

  @Test
  void wholeNumbersEqualTheirDecimalSpelling() {
    checkSame("x = 10", "x = 10.0");
    checkSame("x = 1500", "x = 1.5E3");
    assertEquals(equal("x", 0.1), Cql2TextParser.parse("x = 1e-1"));
  }

  @Test
  void keywordsIgnoreCaseAndPropertiesKeepIt() {
    checkSame("NOT Name LIKE 'a%' AND x IS NULL", "not Name like 'a%' and x is null");
    assertEquals(new Property("Name"), ((Like) Cql2TextParser.parse("Name LIKE 'a'")).value());
  }

  @Test
  void quotedPropertiesMayBeKeywords() {
    assertEquals(equal("date", "x"), Cql2TextParser.parse("\"date\" = 'x'"));
    assertEquals(equal("in", "x"), Cql2TextParser.parse("\"in\" = 'x'"));
  }

  @Test
  void identifiersMayHoldColonsDotsAndLetters() {
    assertEquals(equal("eo:cloud_cover.max", 1L), Cql2TextParser.parse("eo:cloud_cover.max = 1"));
    assertEquals(equal("straße", 1L), Cql2TextParser.parse("straße = 1"));
  }

  @Test
  void doubledAndBackslashedQuotesAreQuotes() {
    assertEquals(equal("x", "it's"), Cql2TextParser.parse("x = 'it''s'"));
    assertEquals(equal("x", "it's"), Cql2TextParser.parse("x = 'it\\'s'"));
    assertEquals(equal("x", ""), Cql2TextParser.parse("x = ''"));
    assertEquals(equal("x", "''"), Cql2TextParser.parse("x = ''''''"));
  }

  @Test
  void otherBackslashesStayForLike() {
    Like like = (Like) Cql2TextParser.parse("x LIKE '100\\%\\_\\\\x'");
    assertEquals(new StringLiteral("100\\%\\_\\\\x"), like.pattern());
  }

  @Test
  void negatedPredicatesAreNotAroundThePredicate() {
    checkSame("NOT x LIKE 'a'", "x NOT LIKE 'a'");
    checkSame("NOT x BETWEEN 1 AND 2", "x NOT BETWEEN 1 AND 2");
    checkSame("NOT x IN (1, 2)", "x NOT IN (1, 2)");
    checkSame("NOT x IS NULL", "x IS NOT NULL");
    assertEquals(new Not(new IsNull(new Property("x"))), Cql2TextParser.parse("x IS NOT NULL"));
  }

  @Test
  void betweenTakesItsOwnAnd() {
    checkSame("(x BETWEEN 1 AND 2) AND y = 3", "x BETWEEN 1 AND 2 AND y = 3");
  }

  @Test
  void aBooleanLiteralIsAPredicate() {
    assertEquals(new BooleanLiteral(false), Cql2TextParser.parse("false"));
    assertEquals(new Comparison(ComparisonOperator.EQUAL, new Property("b"), new BooleanLiteral(true)),
        Cql2TextParser.parse("b = TRUE"));
  }

  @Test
  void temporalLiteralsAndIntervals() {
    TemporalPredicate predicate = (TemporalPredicate) Cql2TextParser.parse(
        "T_DURING(INTERVAL(start, '..'), INTERVAL('2020-01-01', '2021-06-30T12:00:00.25Z'))");
    assertEquals(new Interval(new Property("start"), new Unbounded()), predicate.first());
    checkSame("t_before(d, date('2020-01-01'))", "T_BEFORE(d, DATE('2020-01-01'))");
    checkSame("t = TIMESTAMP('2020-01-01T00:00:00Z')", "t = TIMESTAMP('2020-01-01T00:00:00.000000Z')");
  }

  @Test
  void geometryKeywordsIgnoreCaseAndAcceptZ() {
    SpatialPredicate predicate = (SpatialPredicate) Cql2TextParser.parse("s_within(point z (1 -2 3), geom)");
    assertEquals(3.0, ((GeometryLiteral) predicate.first()).geometry().getCoordinate().getZ());
    checkSame("S_INTERSECTS(g, MULTIPOINT((7 50), (10 51)))", "S_INTERSECTS(g, MULTIPOINT(7 50, 10 51))");
    checkSame("S_INTERSECTS(g, POLYGON EMPTY)", "S_INTERSECTS(g, polygon empty)");
  }

  @Test
  void bboxTakesFourOrSixNumbers() {
    SpatialPredicate predicate = (SpatialPredicate) Cql2TextParser.parse("S_INTERSECTS(g, BBOX(-1, -2.5, 3, 4))");
    assertEquals(new BboxLiteral(List.of(-1.0, -2.5, 3.0, 4.0)), predicate.second());
    checkError("S_INTERSECTS(g, BBOX(1, 2, 3))", "at position 21: a BBOX needs 4 or 6 numbers but found 3");
  }

  @Test
  void wholeParenthesizedArgumentsOfArrayFunctionsAreArrays() {
    ArrayPredicate predicate = (ArrayPredicate) Cql2TextParser.parse("A_CONTAINS(tags, ('a'))");
    assertEquals(new ArrayPredicate(ArrayOperator.A_CONTAINS, new Property("tags"),
        new ArrayLiteral(List.of(new StringLiteral("a")))), predicate);
    FunctionCall call = (FunctionCall) Cql2TextParser.parse("f((), ((1), 2), (a + 1) * 2)");
    assertEquals(new ArrayLiteral(List.of()), call.arguments().get(0));
    assertTrue(call.arguments().get(2) instanceof Arithmetic);
  }

  @Test
  void syntaxErrorsNameTheCharacterPosition() {
    checkError("a = 1 AND (b = 2 AND c = 3", "at position 27: expected ')' but found the end of the filter");
    checkError("a = 1 AND b = 2)", "at position 16: expected an operator or the end of the filter but found ')'");
    checkError("a = 1 AND 5", "at position 11: expected a predicate but found '5'");
    checkError("x = 'abc", "at position 5: the string starting here is not closed with '");
    checkError("x = #", "at position 5: unexpected character '#'");
    checkError("x LIKE y", "at position 8: expected a string literal pattern but found 'y'");
    checkError("T_AFTER(x)", "at position 8: expected 2 arguments but found 1");
    checkError("x = DATE('2021-02-30')", "at position 10: '2021-02-30' is not a valid date");
    checkError("S_INTERSECTS(g, POINT(1))", "at position 17: invalid POINT literal: Expected number but found ')'");
    checkError("x = 1e400", "at position 5: the number '1e400' is too large");
    checkError("x = AND", "at position 5: expected a value, a property or a predicate but found 'AND'");
    checkError("LIKE(x) = 1", "at position 1: expected a value, a property or a predicate but found 'LIKE'");
  }

  @Test
  void aPropertyAloneIsNoPredicate() {
    checkError("swimming_pool", "at position 1: expected a predicate but found 'swimming_pool'");
    checkError("x + 1", "at position 1: expected a predicate but found 'x'");
  }

  @Test
  void deepNestingIsASyntaxErrorNotAStackOverflow() {
    String deep = "(".repeat(5000) + "a = 1" + ")".repeat(5000);
    assertTrue(assertThrows(Cql2SyntaxException.class, () -> Cql2TextParser.parse(deep)).getMessage()
        .contains("nested more than 100 levels"));
    assertThrows(Cql2SyntaxException.class, () -> Cql2TextParser.parse("NOT ".repeat(5000) + "a = 1"));
    assertThrows(Cql2SyntaxException.class, () -> Cql2TextParser.parse("x = " + "-".repeat(5000) + "1"));
    assertThrows(Cql2SyntaxException.class, () -> Cql2TextParser.parse("x = 1" + " + 1".repeat(5000)));
  }

  @Test
  void nestingWithinTheLimitParses() {
    assertTrue(Cql2TextParser.parse("(".repeat(40) + "a = 1" + ")".repeat(40)) instanceof Comparison);
  }

  @Test
  void overlongInputIsRefused() {
    String filter = "x IN (" + "1, ".repeat(30_000) + "1)";
    assertEquals("the filter is longer than 65536 characters",
        assertThrows(Cql2SyntaxException.class, () -> Cql2TextParser.parse(filter)).getMessage());
  }
}
