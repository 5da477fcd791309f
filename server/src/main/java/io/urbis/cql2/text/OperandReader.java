package io.urbis.cql2.text;

import static io.urbis.cql2.ast.Category.ARGUMENT;
import static io.urbis.cql2.ast.Category.ARRAY;
import static io.urbis.cql2.ast.Category.CHARACTER;
import static io.urbis.cql2.ast.Category.SPATIAL;
import static io.urbis.cql2.ast.Category.TEMPORAL;

import io.urbis.cql2.ast.ArrayLiteral;
import io.urbis.cql2.ast.ArrayOperator;
import io.urbis.cql2.ast.ArrayPredicate;
import io.urbis.cql2.ast.BooleanLiteral;
import io.urbis.cql2.ast.Category;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.Fold;
import io.urbis.cql2.ast.Folding;
import io.urbis.cql2.ast.FunctionCall;
import io.urbis.cql2.ast.NamedOperator;
import io.urbis.cql2.ast.Property;
import io.urbis.cql2.ast.SpatialOperator;
import io.urbis.cql2.ast.SpatialPredicate;
import io.urbis.cql2.ast.StringLiteral;
import io.urbis.cql2.ast.TemporalOperator;
import io.urbis.cql2.ast.TemporalPredicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The primaries of CQL2-text: literals, properties, parentheses and everything written {@code NAME(...)}. */
final class OperandReader {

  /** Keywords that cannot be unquoted property names; {@code "in"} in double quotes still can. */
  private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL", "DIV");

  private final TokenStream tokens;
  private final ExpressionReader expressions;
  private final LiteralReader literals;

  OperandReader(TokenStream tokens, ExpressionReader expressions) {
    this.tokens = tokens;
    this.expressions = expressions;
    this.literals = new LiteralReader(tokens, expressions);
  }

  Expression operand() {
    Token token = tokens.peek();
    return switch (token.kind()) {
      case NUMBER -> literals.number(tokens.next());
      case STRING -> new StringLiteral(tokens.next().text());
      case QUOTED_IDENTIFIER -> property(tokens.next());
      case IDENTIFIER -> named(tokens.next());
      default -> token.isSymbol("(") ? parenthesized() : failExpectingOperand();
    };
  }

  private Expression failExpectingOperand() {
    throw tokens.unexpected("a value, a property or a predicate");
  }

  private Expression parenthesized() {
    tokens.expectSymbol("(");
    Expression inner = expressions.booleanExpression();
    tokens.expectSymbol(")");
    return inner;
  }

  private Expression named(Token name) {
    String keyword = name.text().toUpperCase(Locale.ROOT);
    if (RESERVED.contains(keyword)) {
      throw tokens.error(name, "expected a value, a property or a predicate but found " + name.display());
    }
    if (keyword.equals("TRUE") || keyword.equals("FALSE")) {
      return new BooleanLiteral(keyword.equals("TRUE"));
    }
    if (WktLiteralReader.startsGeometry(name, tokens.peek())) {
      return WktLiteralReader.read(tokens, name);
    }
    return tokens.peek().isSymbol("(") ? call(name, keyword) : property(name);
  }

  private Expression call(Token name, String keyword) {
    return switch (keyword) {
      case "CASEI", "ACCENTI" -> fold(Folding.valueOf(keyword));
      case "DATE" -> literals.date();
      case "TIMESTAMP" -> literals.timestamp();
      case "INTERVAL" -> literals.interval();
      case "BBOX" -> literals.bbox();
      default -> predicateOrFunction(name, keyword);
    };
  }

  private Expression predicateOrFunction(Token name, String keyword) {
    Optional<SpatialOperator> spatial = NamedOperator.find(SpatialOperator.class, keyword);
    if (spatial.isPresent()) {
      List<Expression> operands = arguments(() -> expressions.expressionIn(SPATIAL), 2);
      return new SpatialPredicate(spatial.get(), operands.get(0), operands.get(1));
    }
    Optional<TemporalOperator> temporal = NamedOperator.find(TemporalOperator.class, keyword);
    if (temporal.isPresent()) {
      List<Expression> operands = arguments(() -> expressions.expressionIn(TEMPORAL), 2);
      return new TemporalPredicate(temporal.get(), operands.get(0), operands.get(1));
    }
    Optional<ArrayOperator> array = NamedOperator.find(ArrayOperator.class, keyword);
    if (array.isPresent()) {
      List<Expression> operands = arguments(() -> argumentIn(ARRAY), 2);
      return new ArrayPredicate(array.get(), operands.get(0), operands.get(1));
    }
    return function(name);
  }

  private Expression fold(Folding folding) {
    Expression operand = arguments(() -> expressions.expressionIn(CHARACTER), 1).get(0);
    return new Fold(folding, operand);
  }

  private Expression function(Token name) {
    List<Expression> arguments = arguments(() -> argumentIn(ARGUMENT), -1);
    try {
      return new FunctionCall(name.text(), arguments);
    } catch (IllegalArgumentException e) {
      throw tokens.error(name, e.getMessage());
    }
  }

  /** {@code "(" [argument {"," argument}] ")"}; {@code count} is the number required, -1 for any. */
  private List<Expression> arguments(Supplier<Expression> argument, int count) {
    Token open = tokens.expectSymbol("(");
    List<Expression> arguments = new ArrayList<>();
    if (count > 0 || !tokens.peek().isSymbol(")")) {
      do {
        arguments.add(argument.get());
      } while (arguments.size() != count && tokens.acceptSymbol(","));
    }
    tokens.expectSymbol(")");
    if (count >= 0 && arguments.size() != count) {
      throw tokens.error(open, "expected " + count + " arguments but found " + arguments.size());
    }
    return arguments;
  }

  /** A function argument or array element: an array when it is a whole parenthesized argument. */
  private Expression argumentIn(Category category) {
    if (!tokens.atParenthesizedArgument()) {
      return expressions.expressionIn(category);
    }
    tokens.enter();
    Expression array = new ArrayLiteral(arguments(() -> argumentIn(ARGUMENT), -1));
    tokens.leave();
    return array;
  }

  private Expression property(Token name) {
    try {
      return new Property(name.text());
    } catch (IllegalArgumentException e) {
      throw tokens.error(name, e.getMessage());
    }
  }
}
