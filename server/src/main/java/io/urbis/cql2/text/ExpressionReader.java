package io.urbis.cql2.text;

import static io.urbis.cql2.ast.Category.CHARACTER;
import static io.urbis.cql2.ast.Category.NULL_OPERAND;
import static io.urbis.cql2.ast.Category.NUMERIC;
import static io.urbis.cql2.ast.Category.PATTERN;
import static io.urbis.cql2.ast.Category.PREDICATE;
import static io.urbis.cql2.ast.Category.SCALAR;

import io.urbis.cql2.ast.Arithmetic;
import io.urbis.cql2.ast.ArithmeticOperator;
import io.urbis.cql2.ast.Between;
import io.urbis.cql2.ast.Category;
import io.urbis.cql2.ast.Comparison;
import io.urbis.cql2.ast.ComparisonOperator;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.Fold;
import io.urbis.cql2.ast.Folding;
import io.urbis.cql2.ast.In;
import io.urbis.cql2.ast.IsNull;
import io.urbis.cql2.ast.Like;
import io.urbis.cql2.ast.Logical;
import io.urbis.cql2.ast.LogicalOperator;
import io.urbis.cql2.ast.NamedOperator;
import io.urbis.cql2.ast.Not;
import io.urbis.cql2.ast.NumberLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The operator levels of the CQL2-text BNF by precedence climbing: OR, AND, NOT, predicates (comparison, LIKE,
 * BETWEEN, IN, IS NULL), {@code + -}, {@code * / % div}, {@code ^}, sign. One method call per operator level
 * rather than one per BNF production keeps the stack shallow, so the nesting limit is far from a stack overflow.
 */
final class ExpressionReader {

  private final TokenStream tokens;
  private final OperandReader operands;
  /** Whether the draft's {@code ILIKE} is read too ({@link DraftCqlText}); CQL2 has only {@code CASEI}. */
  private final boolean draft;

  ExpressionReader(TokenStream tokens, boolean draft) {
    this.tokens = tokens;
    this.operands = new OperandReader(tokens, this);
    this.draft = draft;
  }

  /** A whole expression, as inside parentheses or a function's argument list. */
  Expression booleanExpression() {
    return expression(Precedence.OR);
  }

  /** A whole expression in a role, such as a function argument: parsed, then checked. */
  Expression expressionIn(Category category) {
    return operandIn(category, Precedence.OR);
  }

  /** A prefix operand, then every infix operator that binds at least as tightly as {@code weakest}. */
  private Expression expression(Precedence weakest) {
    tokens.enter();
    Token start = tokens.peek();
    Expression left = prefixed(weakest);
    int links = 0;
    for (Precedence level = infixAt(tokens.peek()); level != null && level.compareTo(weakest) >= 0;
        level = infixAt(tokens.peek())) {
      if (level.compareTo(Precedence.ADDITIVE) >= 0) {
        tokens.enter();
        links++;
      }
      left = infix(left, start, level);
    }
    tokens.leave(links + 1);
    return left;
  }

  /** NOT (where the level allows it), a sign, or an operand. Minus before a number makes a negative literal. */
  private Expression prefixed(Precedence weakest) {
    Token token = tokens.peek();
    if (token.isKeyword("NOT") && weakest.compareTo(Precedence.NOT) <= 0) {
      tokens.next();
      return new Not(operandIn(PREDICATE, Precedence.NOT));
    }
    if (token.isSymbol("-") || token.isSymbol("+")) {
      tokens.next();
      Expression operand = operandIn(NUMERIC, Precedence.PRIMARY);
      return token.isSymbol("+") ? operand : negated(operand);
    }
    return operands.operand();
  }

  private Expression infix(Expression left, Token start, Precedence level) {
    return switch (level) {
      case OR -> joined(LogicalOperator.OR, Precedence.AND, left, start);
      case AND -> joined(LogicalOperator.AND, Precedence.NOT, left, start);
      case PREDICATE -> predicate(left, start);
      case POWER -> power(left, start);
      default -> arithmetic(left, start, level);
    };
  }

  private Expression joined(LogicalOperator operator, Precedence operandLevel, Expression first, Token start) {
    List<Expression> joined = new ArrayList<>(List.of(tokens.require(PREDICATE, first, start)));
    while (tokens.acceptKeyword(operator.textName())) {
      joined.add(operandIn(PREDICATE, operandLevel));
    }
    return Logical.of(operator, joined);
  }

  /** Comparison, LIKE, BETWEEN, IN or IS NULL after its first operand; NOT before LIKE, BETWEEN or IN negates. */
  private Expression predicate(Expression left, Token start) {
    Token keyword = tokens.next();
    Optional<ComparisonOperator> comparison = comparisonOperatorAt(keyword);
    if (comparison.isPresent()) {
      Expression right = operandIn(SCALAR, Precedence.ADDITIVE);
      return new Comparison(comparison.get(), tokens.require(SCALAR, left, start), right);
    }
    if (keyword.isKeyword("IS")) {
      boolean negated = tokens.acceptKeyword("NOT");
      tokens.expectKeyword("NULL");
      Expression test = new IsNull(tokens.require(NULL_OPERAND, left, start));
      return negated ? new Not(test) : test;
    }
    boolean negated = keyword.isKeyword("NOT");
    Expression predicate = negatable(negated ? tokens.next() : keyword, left, start);
    return negated ? new Not(predicate) : predicate;
  }

  /** The draft's {@code a ILIKE b} is CQL2's {@code CASEI(a) LIKE CASEI(b)}. */
  private Expression negatable(Token keyword, Expression left, Token start) {
    boolean caseInsensitive = keyword.isKeyword("ILIKE");
    if (keyword.isKeyword("LIKE") || caseInsensitive) {
      Expression pattern = operandIn(PATTERN, Precedence.ADDITIVE);
      Expression value = tokens.require(CHARACTER, left, start);
      return caseInsensitive
          ? new Like(new Fold(Folding.CASEI, value), new Fold(Folding.CASEI, pattern))
          : new Like(value, pattern);
    }
    if (keyword.isKeyword("BETWEEN")) {
      Expression low = operandIn(NUMERIC, Precedence.ADDITIVE);
      tokens.expectKeyword("AND");
      Expression high = operandIn(NUMERIC, Precedence.ADDITIVE);
      return new Between(tokens.require(NUMERIC, left, start), low, high);
    }
    tokens.expectSymbol("(");
    List<Expression> list = new ArrayList<>();
    do {
      list.add(operandIn(SCALAR, Precedence.ADDITIVE));
    } while (tokens.acceptSymbol(","));
    tokens.expectSymbol(")");
    return new In(tokens.require(SCALAR, left, start), list);
  }

  private Expression arithmetic(Expression left, Token start, Precedence level) {
    ArithmeticOperator operator = arithmeticOperatorAt(tokens.next()).orElseThrow();
    Precedence tighter = level == Precedence.ADDITIVE ? Precedence.MULTIPLICATIVE : Precedence.POWER;
    Expression right = operandIn(NUMERIC, tighter);
    return new Arithmetic(operator, tokens.require(NUMERIC, left, start), right);
  }

  /** {@code powerTerm = arithmeticFactor ["^" arithmeticFactor]}: one power, as the BNF has it. */
  private Expression power(Expression base, Token start) {
    tokens.expectSymbol("^");
    Expression exponent = operandIn(NUMERIC, Precedence.PRIMARY);
    if (tokens.peek().isSymbol("^")) {
      throw tokens.error(tokens.peek(), "a power cannot be raised to a power without parentheses");
    }
    return new Arithmetic(ArithmeticOperator.POWER, tokens.require(NUMERIC, base, start), exponent);
  }

  private Expression operandIn(Category category, Precedence weakest) {
    Token start = tokens.peek();
    return tokens.require(category, expression(weakest), start);
  }

  private static Expression negated(Expression operand) {
    if (operand instanceof NumberLiteral literal) {
      Number value = literal.value();
      return value instanceof Long whole ? NumberLiteral.of(-whole) : NumberLiteral.of(-value.doubleValue());
    }
    return new Arithmetic(ArithmeticOperator.MULTIPLY, NumberLiteral.of(-1), operand);
  }

  /** The level of the infix operator at {@code token}, or null when none starts there. */
  private Precedence infixAt(Token token) {
    if (token.isKeyword("OR")) {
      return Precedence.OR;
    }
    if (token.isKeyword("AND")) {
      return Precedence.AND;
    }
    boolean negatedPredicate = token.isKeyword("NOT") && startsNegatable(tokens.peekAfterNext());
    if (comparisonOperatorAt(token).isPresent() || token.isKeyword("IS") || startsNegatable(token)
        || negatedPredicate) {
      return Precedence.PREDICATE;
    }
    return arithmeticOperatorAt(token).map(ExpressionReader::levelOf).orElse(null);
  }

  private boolean startsNegatable(Token token) {
    return token.isKeyword("LIKE") || token.isKeyword("BETWEEN") || token.isKeyword("IN")
        || draft && token.isKeyword("ILIKE");
  }

  private static Precedence levelOf(ArithmeticOperator operator) {
    return switch (operator) {
      case ADD, SUBTRACT -> Precedence.ADDITIVE;
      case POWER -> Precedence.POWER;
      default -> Precedence.MULTIPLICATIVE;
    };
  }

  private static Optional<ComparisonOperator> comparisonOperatorAt(Token token) {
    return token.kind() == Token.Kind.SYMBOL
        ? NamedOperator.find(ComparisonOperator.class, token.text())
        : Optional.empty();
  }

  private static Optional<ArithmeticOperator> arithmeticOperatorAt(Token token) {
    boolean candidate = token.kind() == Token.Kind.SYMBOL || token.isKeyword("DIV");
    return candidate ? NamedOperator.find(ArithmeticOperator.class, token.text()) : Optional.empty();
  }
}
