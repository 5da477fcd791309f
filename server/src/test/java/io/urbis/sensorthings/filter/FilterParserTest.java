package io.urbis.sensorthings.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.urbis.sensorthings.filter.FilterExpression.Arithmetic;
import io.urbis.sensorthings.filter.FilterExpression.ArithmeticOperator;
import io.urbis.sensorthings.filter.FilterExpression.Comparison;
import io.urbis.sensorthings.filter.FilterExpression.ComparisonOperator;
import io.urbis.sensorthings.filter.FilterExpression.FunctionCall;
import io.urbis.sensorthings.filter.FilterExpression.Literal;
import io.urbis.sensorthings.filter.FilterExpression.LiteralType;
import io.urbis.sensorthings.filter.FilterExpression.Logical;
import io.urbis.sensorthings.filter.FilterExpression.LogicalOperator;
import io.urbis.sensorthings.filter.FilterExpression.Negation;
import io.urbis.sensorthings.filter.FilterExpression.Not;
import io.urbis.sensorthings.filter.FilterExpression.PropertyPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterParserTest {

  @Test
  void andBindsTighterThanOr() {
    Logical or = (Logical) FilterParser.parse("a eq 1 or b eq 2 and c eq 3");
    assertEquals(LogicalOperator.OR, or.operator());
    assertEquals(LogicalOperator.AND, ((Logical) or.right()).operator());
  }

  @Test
  void parenthesesGroup() {
    Logical and = (Logical) FilterParser.parse("(a eq 1 or b eq 2) and c eq 3");
    assertEquals(LogicalOperator.AND, and.operator());
    assertEquals(LogicalOperator.OR, ((Logical) and.left()).operator());
  }

  @Test
  void multiplicationBindsTighterThanAdditionAndBothTighterThanComparison() {
    Comparison gt = (Comparison) FilterParser.parse("result add 2 mul 3 gt 10");
    assertEquals(ComparisonOperator.GT, gt.operator());
    Arithmetic add = (Arithmetic) gt.left();
    assertEquals(ArithmeticOperator.ADD, add.operator());
    assertEquals(ArithmeticOperator.MUL, ((Arithmetic) add.right()).operator());
    assertEquals(new Literal(LiteralType.NUMBER, new BigDecimal("10"), 23), gt.right());
  }

  @Test
  void subtractionAssociatesToTheLeft() {
    Arithmetic outer = (Arithmetic) ((Comparison) FilterParser.parse("a sub 2 sub 3 eq 0")).left();
    assertEquals(ArithmeticOperator.SUB, ((Arithmetic) outer.left()).operator());
    assertEquals(new BigDecimal("3"), ((Literal) outer.right()).value());
  }

  @Test
  void literals() {
    assertEquals(List.of(new Literal(LiteralType.STRING, "it's", 10), new Literal(LiteralType.NUMBER,
        new BigDecimal("-2.5E3"), 24), new Literal(LiteralType.BOOLEAN, true, 33), new Literal(LiteralType.NULL,
        null, 39)), ((FunctionCall) FilterParser.parse("concat1( 'it''s' , x , -2.5E3 , true, null)"))
        .arguments().stream().filter(Literal.class::isInstance).toList());
  }

  @Test
  void isoTimesAndDates() {
    Comparison comparison = (Comparison) FilterParser.parse("phenomenonTime ge 2024-01-31T12:00:00.5+01:00");
    assertEquals(OffsetDateTime.parse("2024-01-31T12:00:00.5+01:00"), ((Literal) comparison.right()).value());
    assertEquals(LiteralType.DATE_TIME, ((Literal) comparison.right()).type());
    assertEquals(LocalDate.of(2024, 2, 29), ((Literal) ((Comparison) FilterParser.parse("d eq 2024-02-29"))
        .right()).value());
  }

  @Test
  void propertyPathsAndFunctions() {
    Comparison comparison = (Comparison) FilterParser.parse("Datastream/Thing/properties/owner eq 'city'");
    assertEquals(new PropertyPath(List.of("Datastream", "Thing", "properties", "owner"), 1), comparison.left());
    FunctionCall call = (FunctionCall) FilterParser.parse("geo.intersects(location, geography'POINT (7 51)')");
    assertEquals("geo.intersects", call.name());
    assertEquals(new Literal(LiteralType.GEOGRAPHY, "POINT (7 51)", 26), call.arguments().get(1));
  }

  @Test
  void notAndNegation() {
    Not not = (Not) FilterParser.parse("not (a lt -b)");
    assertEquals(Negation.class, ((Comparison) not.operand()).right().getClass());
  }

  @Test
  void operatorWordsInsideNamesAreNames() {
    assertEquals(new PropertyPath(List.of("order"), 1), ((Comparison) FilterParser.parse("order eq 1")).left());
  }

  @Test
  void badInputSaysWhere() {
    assertEquals("at position 1: the filter is empty", error("  "));
    assertEquals("at position 18: expected ')' but the filter ends", error("(a eq 1 or b eq 2"));
    assertEquals("at position 7: expected an operator or the end of the filter but found ')'",
        error("a eq 1) or b eq 2"));
    assertEquals("at position 9: the string is not closed: a ' is missing", error("name eq 'x"));
    assertEquals("at position 6: the filter ends where a value was expected", error("a eq "));
    assertEquals("at position 6: expected a value, a property or a function but found '#'", error("a eq # 2"));
    assertEquals("at position 6: a date and time needs hours, minutes and a time zone offset (Z or +hh:mm), such as"
        + " 2024-01-31T12:00:00Z", error("t gt 2024-01-31T12:00"));
    assertEquals("at position 6: '2024-02-30' is not a valid date", error("d eq 2024-02-30"));
    assertEquals("at position 3: expected a property name after '/' but found '/b'", error("a//b eq 1"));
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "(".repeat(FilterParser.MAX_DEPTH + 1) + "a eq 1" + ")".repeat(FilterParser.MAX_DEPTH + 1);
    assertEquals("at position 66: the filter nests deeper than 64 levels", error(deep));
  }

  private static String error(String filter) {
    return assertThrows(InvalidFilterException.class, () -> FilterParser.parse(filter)).getMessage();
  }
}
