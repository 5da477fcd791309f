package io.urbis.cql2.jts;

import io.urbis.cql2.AccentFolding;
import io.urbis.cql2.QueryableType;
import io.urbis.cql2.Queryables;
import io.urbis.cql2.ast.Arithmetic;
import io.urbis.cql2.ast.ArrayLiteral;
import io.urbis.cql2.ast.ArrayPredicate;
import io.urbis.cql2.ast.BboxLiteral;
import io.urbis.cql2.ast.Between;
import io.urbis.cql2.ast.BooleanLiteral;
import io.urbis.cql2.ast.Comparison;
import io.urbis.cql2.ast.ComparisonOperator;
import io.urbis.cql2.ast.DateLiteral;
import io.urbis.cql2.ast.Expression;
import io.urbis.cql2.ast.ExpressionVisitor;
import io.urbis.cql2.ast.Fold;
import io.urbis.cql2.ast.Folding;
import io.urbis.cql2.ast.FunctionCall;
import io.urbis.cql2.ast.GeometryLiteral;
import io.urbis.cql2.ast.In;
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
import java.util.Map;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;

/**
 * The value of each node for one feature. Predicates yield TRUE, FALSE or null for unknown (as SQL);
 * scalars yield String, Long, Double, Boolean, LocalDate, Instant, List or null.
 */
final class FeatureEvaluation implements ExpressionVisitor<Object> {

  private final Queryables queryables;
  private final Map<String, ?> properties;
  private final Geometry geometry;

  FeatureEvaluation(Queryables queryables, Map<String, ?> properties, Geometry geometry) {
    this.queryables = queryables;
    this.properties = properties;
    this.geometry = geometry;
  }

  @Override
  public Object visit(Logical logical) {
    List<Boolean> operands = logical.operands().stream().map(this::truth).collect(Collectors.toList());
    return Truth.combine(logical.operator() == LogicalOperator.OR, operands);
  }

  @Override
  public Object visit(Not not) {
    Boolean value = truth(not.operand());
    return value == null ? null : !value;
  }

  @Override
  public Object visit(Comparison comparison) {
    return compare(evaluate(comparison.left()), comparison.operator(), evaluate(comparison.right()));
  }

  @Override
  public Object visit(Like like) {
    Object value = evaluate(like.value());
    Object pattern = evaluate(like.pattern());
    return value == null || pattern == null ? null : LikePattern.of((String) pattern).matches((String) value);
  }

  @Override
  public Object visit(Between between) {
    Object value = evaluate(between.value());
    Boolean low = compare(value, ComparisonOperator.GREATER_OR_EQUAL, evaluate(between.low()));
    Boolean high = compare(value, ComparisonOperator.LESS_OR_EQUAL, evaluate(between.high()));
    return Truth.combine(false, Arrays.asList(low, high));
  }

  /** TRUE if an item equals the value; else unknown if the value or an item is missing, as SQL IN. */
  @Override
  public Object visit(In in) {
    Object value = evaluate(in.value());
    List<Boolean> equalities = in.list().stream()
        .map(item -> compare(value, ComparisonOperator.EQUAL, evaluate(item)))
        .collect(Collectors.toList());
    return Truth.combine(true, equalities);
  }

  @Override
  public Object visit(IsNull isNull) {
    return evaluate(isNull.operand()) == null;
  }

  @Override
  public Object visit(Fold fold) {
    Object value = evaluate(fold.operand());
    if (value == null) {
      return null;
    }
    String text = (String) value;
    return fold.folding() == Folding.CASEI ? ScalarValues.lowerCase(text) : AccentFolding.fold(text);
  }

  @Override
  public Object visit(Arithmetic arithmetic) {
    Object left = evaluate(arithmetic.left());
    Object right = evaluate(arithmetic.right());
    return left == null || right == null
        ? null
        : ScalarValues.arithmetic(arithmetic.operator(), (Number) left, (Number) right);
  }

  @Override
  public Object visit(Property property) {
    QueryableType type = queryables.typeOf(property.name()).orElseThrow();
    return type == QueryableType.GEOMETRY ? geometry : PropertyValues.as(type, properties.get(property.name()));
  }

  @Override
  public Object visit(StringLiteral literal) {
    return literal.value();
  }

  @Override
  public Object visit(NumberLiteral literal) {
    return literal.value();
  }

  @Override
  public Object visit(BooleanLiteral literal) {
    return literal.value();
  }

  @Override
  public Object visit(DateLiteral literal) {
    return literal.value();
  }

  @Override
  public Object visit(TimestampLiteral literal) {
    return literal.value();
  }

  @Override
  public Object visit(Interval interval) {
    return TimeRange.of(interval, this::evaluate);
  }

  @Override
  public Object visit(Unbounded unbounded) {
    throw new IllegalStateException("'..' is read by the interval around it");
  }

  @Override
  public Object visit(GeometryLiteral literal) {
    return literal.geometry();
  }

  @Override
  public Object visit(BboxLiteral literal) {
    return literal.toGeometry();
  }

  @Override
  public Object visit(ArrayLiteral literal) {
    return literal.elements().stream().map(this::evaluate).collect(Collectors.toList());
  }

  @Override
  public Object visit(SpatialPredicate predicate) {
    Object first = evaluate(predicate.first());
    Object second = evaluate(predicate.second());
    return first == null || second == null
        ? null
        : Relations.spatial(predicate.operator(), (Geometry) first, (Geometry) second);
  }

  @Override
  public Object visit(TemporalPredicate predicate) {
    TimeRange first = TimeRange.of(evaluate(predicate.first()));
    TimeRange second = TimeRange.of(evaluate(predicate.second()));
    return first == null || second == null ? null : first.relate(predicate.operator(), second);
  }

  @Override
  public Object visit(ArrayPredicate predicate) {
    Object first = evaluate(predicate.first());
    Object second = evaluate(predicate.second());
    return first == null || second == null
        ? null
        : Relations.arrays(predicate.operator(), (List<?>) first, (List<?>) second);
  }

  @Override
  public Object visit(FunctionCall call) {
    throw new IllegalStateException("validation admits no functions");
  }

  private Object evaluate(Expression expression) {
    return expression.accept(this);
  }

  private Boolean truth(Expression predicate) {
    return (Boolean) evaluate(predicate);
  }

  private static Boolean compare(Object left, ComparisonOperator operator, Object right) {
    Integer comparison = ScalarValues.compare(left, right);
    return comparison == null ? null : operator.holdsFor(comparison);
  }
}
