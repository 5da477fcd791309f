package io.urbis.cql2;

import static io.urbis.cql2.ValueKind.ARRAY;
import static io.urbis.cql2.ValueKind.BOOLEAN;
import static io.urbis.cql2.ValueKind.GEOMETRY;
import static io.urbis.cql2.ValueKind.NUMBER;
import static io.urbis.cql2.ValueKind.STRING;

import io.urbis.cql2.ast.Arithmetic;
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
import io.urbis.cql2.ast.Interval;
import io.urbis.cql2.ast.IsNull;
import io.urbis.cql2.ast.Like;
import io.urbis.cql2.ast.Logical;
import io.urbis.cql2.ast.Not;
import io.urbis.cql2.ast.NumberLiteral;
import io.urbis.cql2.ast.Property;
import io.urbis.cql2.ast.SpatialPredicate;
import io.urbis.cql2.ast.StringLiteral;
import io.urbis.cql2.ast.TemporalPredicate;
import io.urbis.cql2.ast.TimestampLiteral;
import io.urbis.cql2.ast.Unbounded;

/** Infers the kind of each node bottom-up and rejects operands of the wrong kind on the way. */
final class KindChecker implements ExpressionVisitor<ValueKind> {

  private final Queryables queryables;

  KindChecker(Queryables queryables) {
    this.queryables = queryables;
  }

  @Override
  public ValueKind visit(Logical logical) {
    logical.operands().forEach(operand -> expect(operand, BOOLEAN, logical.operator().textName()));
    return BOOLEAN;
  }

  @Override
  public ValueKind visit(Not not) {
    expect(not.operand(), BOOLEAN, "NOT");
    return BOOLEAN;
  }

  @Override
  public ValueKind visit(Comparison comparison) {
    requireComparable(comparison.left(), comparison.right(), comparison.operator().textName());
    return BOOLEAN;
  }

  @Override
  public ValueKind visit(Like like) {
    expect(like.value(), STRING, "LIKE");
    expect(like.pattern(), STRING, "LIKE");
    LiteralChecks.requireCompletePattern(like.pattern());
    return BOOLEAN;
  }

  @Override
  public ValueKind visit(Between between) {
    expect(between.value(), NUMBER, "BETWEEN");
    expect(between.low(), NUMBER, "BETWEEN");
    expect(between.high(), NUMBER, "BETWEEN");
    return BOOLEAN;
  }

  @Override
  public ValueKind visit(In in) {
    ValueKind value = kindOf(in.value());
    for (Expression item : in.list()) {
      if (!value.isComparableWith(kindOf(item))) {
        throw new Cql2ValidationException("IN cannot compare " + describe(in.value()) + " with " + describe(item));
      }
    }
    return BOOLEAN;
  }

  @Override
  public ValueKind visit(IsNull isNull) {
    ValueKind kind = kindOf(isNull.operand());
    if (kind == ValueKind.INTERVAL || isNull.operand() instanceof ArrayLiteral) {
      throw new Cql2ValidationException("IS NULL applies to single values, not to " + describe(isNull.operand()));
    }
    return BOOLEAN;
  }

  @Override
  public ValueKind visit(Fold fold) {
    expect(fold.operand(), STRING, fold.folding().textName());
    return STRING;
  }

  @Override
  public ValueKind visit(Arithmetic arithmetic) {
    expect(arithmetic.left(), NUMBER, "arithmetic");
    expect(arithmetic.right(), NUMBER, "arithmetic");
    return NUMBER;
  }

  @Override
  public ValueKind visit(Property property) {
    return queryables.typeOf(property.name()).map(ValueKind::of)
        .orElseThrow(() -> new Cql2ValidationException("unknown queryable '" + property.name() + "'"));
  }

  @Override
  public ValueKind visit(StringLiteral literal) {
    return STRING;
  }

  @Override
  public ValueKind visit(NumberLiteral literal) {
    return NUMBER;
  }

  @Override
  public ValueKind visit(BooleanLiteral literal) {
    return BOOLEAN;
  }

  @Override
  public ValueKind visit(DateLiteral literal) {
    return ValueKind.DATE;
  }

  @Override
  public ValueKind visit(TimestampLiteral literal) {
    return ValueKind.TIMESTAMP;
  }

  @Override
  public ValueKind visit(Interval interval) {
    for (Expression bound : new Expression[] {interval.start(), interval.end()}) {
      ValueKind kind = kindOf(bound);
      if (!kind.isInstant() && kind != ValueKind.UNBOUNDED) {
        throw new Cql2ValidationException("an INTERVAL bound must be a date or a timestamp, not " + describe(bound));
      }
    }
    return ValueKind.INTERVAL;
  }

  @Override
  public ValueKind visit(Unbounded unbounded) {
    return ValueKind.UNBOUNDED;
  }

  @Override
  public ValueKind visit(GeometryLiteral literal) {
    LiteralChecks.requireInCrs(literal);
    return GEOMETRY;
  }

  @Override
  public ValueKind visit(BboxLiteral literal) {
    LiteralChecks.requireInCrs(literal);
    return GEOMETRY;
  }

  @Override
  public ValueKind visit(ArrayLiteral literal) {
    elementKind(literal);
    return ARRAY;
  }

  @Override
  public ValueKind visit(SpatialPredicate predicate) {
    expect(predicate.first(), GEOMETRY, predicate.operator().textName());
    expect(predicate.second(), GEOMETRY, predicate.operator().textName());
    return BOOLEAN;
  }

  @Override
  public ValueKind visit(TemporalPredicate predicate) {
    for (Expression operand : new Expression[] {predicate.first(), predicate.second()}) {
      if (!kindOf(operand).isTemporal()) {
        throw new Cql2ValidationException(predicate.operator().textName()
            + " takes dates, timestamps and intervals, not " + describe(operand));
      }
    }
    return BOOLEAN;
  }

  @Override
  public ValueKind visit(ArrayPredicate predicate) {
    String name = predicate.operator().textName();
    expect(predicate.first(), ARRAY, name);
    expect(predicate.second(), ARRAY, name);
    if (predicate.first() instanceof ArrayLiteral first && predicate.second() instanceof ArrayLiteral second
        && (first.elements().isEmpty() || elementKind(first) != elementKind(second))) {
      throw new Cql2ValidationException(name + " of two array literals needs two non-empty arrays of one type");
    }
    return BOOLEAN;
  }

  @Override
  public ValueKind visit(FunctionCall call) {
    throw new Cql2ValidationException("unknown function '" + call.name() + "'");
  }

  private ValueKind kindOf(Expression expression) {
    return expression.accept(this);
  }

  private void expect(Expression operand, ValueKind expected, String where) {
    if (kindOf(operand) != expected) {
      throw new Cql2ValidationException(where + " needs an operand of type " + expected + ", not " + describe(operand));
    }
  }

  private void requireComparable(Expression left, Expression right, String where) {
    if (!kindOf(left).isComparableWith(kindOf(right))) {
      throw new Cql2ValidationException(
          where + " cannot compare " + describe(left) + " with " + describe(right));
    }
  }

  /** The one scalar kind of an array literal's elements, or null for an empty array. */
  private ValueKind elementKind(ArrayLiteral literal) {
    ValueKind common = null;
    for (Expression element : literal.elements()) {
      ValueKind kind = kindOf(element);
      if (!kind.isComparableWith(kind) || common != null && kind != common) {
        throw new Cql2ValidationException("array elements must be strings, numbers, booleans, dates or timestamps,"
            + " all of one type; found " + describe(element));
      }
      common = kind;
    }
    return common;
  }

  private String describe(Expression expression) {
    ValueKind kind = kindOf(expression);
    return expression instanceof Property property
        ? "queryable '" + property.name() + "' of type " + kind
        : "a value of type " + kind;
  }
}
