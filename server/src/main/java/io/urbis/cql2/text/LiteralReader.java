package io.urbis.cql2.text;

import static io.urbis.cql2.ast.Category.INTERVAL_BOUND;

import io.urbis.cql2.ast.BboxLiteral;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.InstantStrings;
import io.urbis.cql2.ast.Interval;
import io.urbis.cql2.ast.NumberLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Numbers and the literals written as {@code KEYWORD(...)}: DATE, TIMESTAMP, INTERVAL and BBOX. */
final class LiteralReader {

  private final TokenStream tokens;
  private final ExpressionReader expressions;

  LiteralReader(TokenStream tokens, ExpressionReader expressions) {
    this.tokens = tokens;
    this.expressions = expressions;
  }

  /** Whole numbers that fit a long stay exact; anything else is a double, and must be finite. */
  NumberLiteral number(Token token) {
    String text = token.text();
    boolean whole = text.chars().allMatch(Character::isDigit);
    if (whole && text.length() <= 18) {
      return NumberLiteral.of(Long.parseLong(text));
    }
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      throw tokens.error(token, "the number " + token.display() + " is too large");
    }
    return NumberLiteral.of(value);
  }

  Expression date() {
    return instant(InstantStrings::date);
  }

  Expression timestamp() {
    return instant(InstantStrings::timestamp);
  }

  /** {@code INTERVAL(bound, bound)}: each bound an instant string, {@code '..'}, a property or a function. */
  Expression interval() {
    tokens.expectSymbol("(");
    Expression start = intervalBound();
    tokens.expectSymbol(",");
    Expression end = intervalBound();
    tokens.expectSymbol(")");
    return new Interval(start, end);
  }

  /** {@code BBOX(west, south, east, north)} or with elevations, six numbers. */
  Expression bbox() {
    Token open = tokens.expectSymbol("(");
    List<Double> coordinates = new ArrayList<>();
    do {
      coordinates.add(signedNumber());
    } while (tokens.acceptSymbol(","));
    tokens.expectSymbol(")");
    if (coordinates.size() != 4 && coordinates.size() != 6) {
      throw tokens.error(open, "a BBOX needs 4 or 6 numbers but found " + coordinates.size());
    }
    return new BboxLiteral(coordinates);
  }

  private Expression intervalBound() {
    return tokens.peek().kind() == Token.Kind.STRING
        ? literal(tokens.next(), InstantStrings::intervalBound)
        : expressions.expressionIn(INTERVAL_BOUND);
  }

  private Expression instant(Function<String, Expression> parse) {
    tokens.expectSymbol("(");
    Expression literal = literal(tokens.expect(Token.Kind.STRING, "a quoted date or timestamp"), parse);
    tokens.expectSymbol(")");
    return literal;
  }

  private Expression literal(Token string, Function<String, Expression> parse) {
    try {
      return parse.apply(string.text());
    } catch (IllegalArgumentException e) {
      throw tokens.error(string, e.getMessage());
    }
  }

  private double signedNumber() {
    boolean negative = tokens.peek().isSymbol("-");
    if (negative || tokens.peek().isSymbol("+")) {
      tokens.next();
    }
    Number value = number(tokens.expect(Token.Kind.NUMBER, "a number")).value();
    return negative ? -value.doubleValue() : value.doubleValue();
  }
}
