package io.urbis.cql2.text;

import static io.urbis.cql2.text.Precedence.ADDITIVE;
import static io.urbis.cql2.text.Precedence.ANY;
import static io.urbis.cql2.text.Precedence.MULTIPLICATIVE;
import static io.urbis.cql2.text.Precedence.NOT;
import static io.urbis.cql2.text.Precedence.POWER;
import static io.urbis.cql2.text.Precedence.PREDICATE;
import static io.urbis.cql2.text.Precedence.PRIMARY;

import io.urbis.cql2.ast.Arithmetic;
import io.urbis.cql2.ast.ArithmeticOperator;
import io.urbis.cql2.ast.ArrayLiteral;
import io.urbis.cql2.ast.ArrayPredicate;
import io.urbis.cql2.ast.BboxLiteral;
import io.urbis.cql2.ast.Between;
import io.urbis.cql2.ast.BooleanLiteral;
import io.urbis.cql2.ast.Comparison;
import io.urbis.cql2.ast.DateLiteral;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.ExpressionVisitor;
import io.urbis.cql2.ast.Fold;
import io.urbis.cql2.ast.FunctionCall;
import io.urbis.cql2.ast.GeometryLiteral;
import io.urbis.cql2.ast.In;
import io.urbis.cql2.ast.InstantStrings;
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
import io.urbis.cql2.ast.TimestampLiteral;
import io.urbis.cql2.ast.Unbounded;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

/** Formats each node type; operands are parenthesized only when they bind more loosely than their place needs. */
final class TextFormatter implements ExpressionVisitor<Written> {

  @Override
  public Written visit(Logical logical) {
    boolean and = logical.operator() == LogicalOperator.AND;
    String text = logical.operands().stream()
        .map(operand -> write(operand, and ? NOT : Precedence.AND))
        .collect(Collectors.joining(" " + logical.operator().textName() + " "));
    return new Written(text, and ? Precedence.AND : Precedence.OR);
  }

  @Override
  public Written visit(Not not) {
    return new Written("NOT " + write(not.operand(), NOT), NOT);
  }

  @Override
  public Written visit(Comparison comparison) {
    return predicate(write(comparison.left(), ADDITIVE) + " " + comparison.operator().textName() + " "
        + write(comparison.right(), ADDITIVE));
  }

  @Override
  public Written visit(Like like) {
    return predicate(write(like.value(), ADDITIVE) + " LIKE " + write(like.pattern(), ADDITIVE));
  }

  @Override
  public Written visit(Between between) {
    return predicate(write(between.value(), ADDITIVE) + " BETWEEN " + write(between.low(), ADDITIVE) + " AND "
        + write(between.high(), ADDITIVE));
  }

  @Override
  public Written visit(In in) {
    return predicate(write(in.value(), ADDITIVE) + " IN " + list(in.list(), ADDITIVE));
  }

  @Override
  public Written visit(IsNull isNull) {
    return predicate(write(isNull.operand(), ADDITIVE) + " IS NULL");
  }

  @Override
  public Written visit(Fold fold) {
    return call(fold.folding().textName(), List.of(fold.operand()));
  }

  /** Left-associative: the left operand may be at the same level, the right one must bind tighter. */
  @Override
  public Written visit(Arithmetic arithmetic) {
    ArithmeticOperator operator = arithmetic.operator();
    Precedence level = switch (operator) {
      case ADD, SUBTRACT -> ADDITIVE;
      case POWER -> POWER;
      default -> MULTIPLICATIVE;
    };
    Precedence left = level == POWER ? PRIMARY : level;
    Precedence right = level == POWER ? PRIMARY : Precedence.values()[level.ordinal() + 1];
    String text = write(arithmetic.left(), left) + " " + operator.textName() + " " + write(arithmetic.right(), right);
    return new Written(text, level);
  }

  @Override
  public Written visit(Property property) {
    return primary("\"" + property.name() + "\"");
  }

  @Override
  public Written visit(StringLiteral literal) {
    return primary(quoted(literal.value()));
  }

  @Override
  public Written visit(NumberLiteral literal) {
    return primary(literal.value().toString());
  }

  @Override
  public Written visit(BooleanLiteral literal) {
    return primary(literal.value() ? "TRUE" : "FALSE");
  }

  @Override
  public Written visit(DateLiteral literal) {
    return primary("DATE(" + quoted(InstantStrings.format(literal)) + ")");
  }

  @Override
  public Written visit(TimestampLiteral literal) {
    return primary("TIMESTAMP(" + quoted(InstantStrings.format(literal)) + ")");
  }

  @Override
  public Written visit(Interval interval) {
    return primary("INTERVAL(" + intervalBound(interval.start()) + ", " + intervalBound(interval.end()) + ")");
  }

  @Override
  public Written visit(Unbounded unbounded) {
    return primary(quoted(InstantStrings.format(unbounded)));
  }

  /** With Z only when every coordinate has one: WKT has no spelling for a missing elevation. */
  @Override
  public Written visit(GeometryLiteral literal) {
    Geometry geometry = literal.geometry();
    boolean allHaveZ = Arrays.stream(geometry.getCoordinates())
        .noneMatch(coordinate -> Double.isNaN(coordinate.getZ()));
    return primary(new WKTWriter(allHaveZ ? 3 : 2).write(geometry));
  }

  @Override
  public Written visit(BboxLiteral literal) {
    String numbers = literal.coordinates().stream()
        .map(coordinate -> NumberLiteral.of(coordinate).value().toString())
        .collect(Collectors.joining(", "));
    return primary("BBOX(" + numbers + ")");
  }

  @Override
  public Written visit(ArrayLiteral literal) {
    return primary(list(literal.elements(), ANY));
  }

  @Override
  public Written visit(SpatialPredicate predicate) {
    return call(predicate.operator().textName(), List.of(predicate.first(), predicate.second()));
  }

  @Override
  public Written visit(TemporalPredicate predicate) {
    return call(predicate.operator().textName(), List.of(predicate.first(), predicate.second()));
  }

  @Override
  public Written visit(ArrayPredicate predicate) {
    return call(predicate.operator().textName(), List.of(predicate.first(), predicate.second()));
  }

  @Override
  public Written visit(FunctionCall call) {
    return call(call.name(), call.arguments());
  }

  private String write(Expression expression, Precedence required) {
    return expression.accept(this).atLeast(required);
  }

  private String list(List<Expression> items, Precedence required) {
    return items.stream().map(item -> write(item, required)).collect(Collectors.joining(", ", "(", ")"));
  }

  private Written call(String name, List<Expression> arguments) {
    return primary(name + list(arguments, ANY));
  }

  private String intervalBound(Expression bound) {
    boolean literal = bound instanceof DateLiteral || bound instanceof TimestampLiteral || bound instanceof Unbounded;
    return literal ? quoted(InstantStrings.format(bound)) : write(bound, ANY);
  }

  private static Written predicate(String text) {
    return new Written(text, PREDICATE);
  }

  private static Written primary(String text) {
    return new Written(text, PRIMARY);
  }

  /**
   * Quotes as {@code ''}, except after a backslash, where {@code ''} would read as {@code \'} plus a closing quote;
   * there {@code \'} is written. A final backslash has no spelling at all (see {@link Cql2TextWriter}).
   */
  private static String quoted(String value) {
    if (value.endsWith("\\")) {
      throw new IllegalArgumentException("CQL2-text cannot write a string that ends with a backslash");
    }
    StringBuilder quoted = new StringBuilder("'");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean afterBackslash = i > 0 && value.charAt(i - 1) == '\\';
      quoted.append(c != '\'' ? String.valueOf(c) : afterBackslash ? "\\'" : "''");
    }
    return quoted.append('\'').toString();
  }
}
