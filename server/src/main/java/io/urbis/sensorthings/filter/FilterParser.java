package io.urbis.sensorthings.filter;

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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses OData {@code $filter} text into a {@link FilterExpression}, with the operator precedence of OData 4.01 URL
 * conventions 5.1.1.16 (low to high): {@code or}; {@code and}; {@code eq ne}; {@code gt ge lt le}; {@code add sub};
 * {@code mul div mod}; {@code not} and unary {@code -}; parentheses and member paths. Binary operators associate to
 * the left.
 */
public final class FilterParser {

  /** Nesting beyond this is refused rather than risking the stack on hostile input. */
  static final int MAX_DEPTH = 64;

  private static final Pattern DATE_TIME = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_@][A-Za-z0-9_.]*");
  private static final Map<String, ComparisonOperator> EQUALITY =
      Map.of("eq", ComparisonOperator.EQ, "ne", ComparisonOperator.NE);
  private static final Map<String, ComparisonOperator> RELATIONAL = Map.of("gt", ComparisonOperator.GT,
      "ge", ComparisonOperator.GE, "lt", ComparisonOperator.LT, "le", ComparisonOperator.LE);
  private static final Map<String, ArithmeticOperator> ADDITIVE =
      Map.of("add", ArithmeticOperator.ADD, "sub", ArithmeticOperator.SUB);
  private static final Map<String, ArithmeticOperator> MULTIPLICATIVE = Map.of("mul", ArithmeticOperator.MUL,
      "div", ArithmeticOperator.DIV, "mod", ArithmeticOperator.MOD);

  private final String text;
  private int offset;
  private int depth;

  private FilterParser(String text) {
    this.text = text;
  }

  public static FilterExpression parse(String text) {
    FilterParser parser = new FilterParser(text);
    parser.skipSpace();
    if (parser.atEnd()) {
      throw new InvalidFilterException(1, "the filter is empty");
    }
    FilterExpression expression = parser.or();
    parser.skipSpace();
    if (!parser.atEnd()) {
      throw parser.unexpected("an operator or the end of the filter");
    }
    return expression;
  }

  private FilterExpression or() {
    return leftAssociative(this::and, Map.of("or", LogicalOperator.OR), Logical::new);
  }

  private FilterExpression and() {
    return leftAssociative(this::equality, Map.of("and", LogicalOperator.AND), Logical::new);
  }

  private FilterExpression equality() {
    return leftAssociative(this::relational, EQUALITY, Comparison::new);
  }

  private FilterExpression relational() {
    return leftAssociative(this::additive, RELATIONAL, Comparison::new);
  }

  private FilterExpression additive() {
    return leftAssociative(this::multiplicative, ADDITIVE, Arithmetic::new);
  }

  private FilterExpression multiplicative() {
    return leftAssociative(this::unary, MULTIPLICATIVE, Arithmetic::new);
  }

  /** A binary expression node: operator, left, right, position. */
  private interface Binary<T> {
    FilterExpression of(T operator, FilterExpression left, FilterExpression right, int position);
  }

  /** {@code operand (operator operand)*}, grouped to the left. */
  private <T> FilterExpression leftAssociative(Supplier<FilterExpression> operand, Map<String, T> operators,
      Binary<T> node) {
    FilterExpression left = operand.get();
    for (T operator; (operator = operator(operators)) != null; ) {
      left = node.of(operator, left, operand.get(), left.position());
    }
    return left;
  }

  private FilterExpression unary() {
    skipSpace();
    int position = position();
    if (keyword("not")) {
      return new Not(nested(this::unary), position);
    }
    if (peek() == '-') {
      offset++;
      FilterExpression operand = nested(this::unary);
      if (operand instanceof Literal literal && literal.type() == LiteralType.NUMBER) {
        return new Literal(LiteralType.NUMBER, ((BigDecimal) literal.value()).negate(), position);
      }
      return new Negation(operand, position);
    }
    return primary();
  }

  private FilterExpression primary() {
    skipSpace();
    int position = position();
    if (atEnd()) {
      throw new InvalidFilterException(position, "the filter ends where a value was expected");
    }
    char next = peek();
    if (next == '(') {
      offset++;
      FilterExpression inner = nested(this::or);
      expect(')');
      return inner;
    }
    if (next == '\'') {
      return new Literal(LiteralType.STRING, quoted(), position);
    }
    if (Character.isDigit(next)) {
      return numberOrTime(position);
    }
    Matcher name = NAME.matcher(text).region(offset, text.length());
    if (!name.lookingAt()) {
      throw unexpected("a value, a property or a function");
    }
    String word = name.group();
    offset = name.end();
    switch (word) {
      case "true", "false" -> {
        return new Literal(LiteralType.BOOLEAN, Boolean.valueOf(word), position);
      }
      case "null" -> {
        return new Literal(LiteralType.NULL, null, position);
      }
      case "geography", "geometry", "duration" -> {
        if (peek() == '\'') {
          return new Literal(word.equals("duration") ? LiteralType.DURATION : LiteralType.GEOGRAPHY, quoted(),
              position);
        }
      }
      default -> { }
    }
    skipSpace();
    if (peek() == '(') {
      offset++;
      return new FunctionCall(word.toLowerCase(Locale.ROOT), arguments(), position);
    }
    return path(word, position);
  }

  private List<FilterExpression> arguments() {
    List<FilterExpression> arguments = new ArrayList<>();
    skipSpace();
    if (peek() == ')') {
      offset++;
      return arguments;
    }
    do {
      arguments.add(nested(this::or));
      skipSpace();
    } while (peek() == ',' && ++offset > 0);
    expect(')');
    return arguments;
  }

  private PropertyPath path(String first, int position) {
    List<String> segments = new ArrayList<>(List.of(first));
    while (peek() == '/') {
      offset++;
      Matcher name = NAME.matcher(text).region(offset, text.length());
      if (!name.lookingAt()) {
        throw unexpected("a property name after '/'");
      }
      segments.add(name.group());
      offset = name.end();
    }
    return new PropertyPath(segments, position);
  }

  private Literal numberOrTime(int position) {
    Matcher dateTime = DATE_TIME.matcher(text).region(offset, text.length());
    if (dateTime.lookingAt()) {
      offset = dateTime.end();
      try {
        return new Literal(LiteralType.DATE_TIME, OffsetDateTime.parse(dateTime.group()), position);
      } catch (DateTimeParseException e) {
        throw new InvalidFilterException(position, "'" + dateTime.group() + "' is not a valid date and time");
      }
    }
    Matcher date = DATE.matcher(text).region(offset, text.length());
    if (date.lookingAt()) {
      offset = date.end();
      if (peek() == 'T') {
        throw new InvalidFilterException(position, "a date and time needs hours, minutes and a time zone offset"
            + " (Z or +hh:mm), such as 2024-01-31T12:00:00Z");
      }
      try {
        return new Literal(LiteralType.DATE, LocalDate.parse(date.group()), position);
      } catch (DateTimeParseException e) {
        throw new InvalidFilterException(position, "'" + date.group() + "' is not a valid date");
      }
    }
    Matcher number = NUMBER.matcher(text).region(offset, text.length());
    number.lookingAt();
    offset = number.end();
    return new Literal(LiteralType.NUMBER, new BigDecimal(number.group()), position);
  }

  /** A quoted string; OData escapes a quote by doubling it. */
  private String quoted() {
    int start = position();
    offset++;
    StringBuilder value = new StringBuilder();
    while (offset < text.length()) {
      char c = text.charAt(offset++);
      if (c == '\'') {
        if (peek() != '\'') {
          return value.toString();
        }
        offset++;
      }
      value.append(c);
    }
    throw new InvalidFilterException(start, "the string is not closed: a ' is missing");
  }

  private FilterExpression nested(Supplier<FilterExpression> rule) {
    if (++depth > MAX_DEPTH) {
      throw new InvalidFilterException(position(), "the filter nests deeper than " + MAX_DEPTH + " levels");
    }
    FilterExpression expression = rule.get();
    depth--;
    return expression;
  }

  private <T> T operator(Map<String, T> operators) {
    skipSpace();
    Matcher name = NAME.matcher(text).region(offset, text.length());
    if (name.lookingAt() && operators.containsKey(name.group()) && spaceOrParenthesisAfter(name.end())) {
      offset = name.end();
      return operators.get(name.group());
    }
    return null;
  }

  private boolean keyword(String word) {
    skipSpace();
    if (text.startsWith(word, offset) && spaceOrParenthesisAfter(offset + word.length())) {
      offset += word.length();
      return true;
    }
    return false;
  }

  /** An operator keyword stands alone: {@code order} is a property, not {@code or} and {@code der}. */
  private boolean spaceOrParenthesisAfter(int end) {
    return end < text.length() && (Character.isWhitespace(text.charAt(end)) || text.charAt(end) == '(');
  }

  private void expect(char c) {
    skipSpace();
    if (peek() != c) {
      throw unexpected("'" + c + "'");
    }
    offset++;
  }

  private InvalidFilterException unexpected(String expected) {
    if (atEnd()) {
      return new InvalidFilterException(position(), "expected " + expected + " but the filter ends");
    }
    int end = offset + 1;
    while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && end - offset < 20) {
      end++;
    }
    return new InvalidFilterException(position(), "expected " + expected + " but found '"
        + text.substring(offset, end) + "'");
  }

  private void skipSpace() {
    while (offset < text.length() && Character.isWhitespace(text.charAt(offset))) {
      offset++;
    }
  }

  private boolean atEnd() {
    return offset >= text.length();
  }

  private char peek() {
    return atEnd() ? '\0' : text.charAt(offset);
  }

  private int position() {
    return offset + 1;
  }
}
