package io.urbis.cql2.ast;

import static io.urbis.cql2.ast.Category.ARGUMENT;
import static io.urbis.cql2.ast.Category.ARRAY;
import static io.urbis.cql2.ast.Category.CHARACTER;
import static io.urbis.cql2.ast.Category.INTERVAL_BOUND;
import static io.urbis.cql2.ast.Category.NULL_OPERAND;
import static io.urbis.cql2.ast.Category.NUMERIC;
import static io.urbis.cql2.ast.Category.PATTERN;
import static io.urbis.cql2.ast.Category.PREDICATE;
import static io.urbis.cql2.ast.Category.SCALAR;
import static io.urbis.cql2.ast.Category.SPATIAL;
import static io.urbis.cql2.ast.Category.TEMPORAL;

import java.util.EnumSet;
import java.util.Set;

/** The roles each node type can play; {@link Fold} is a pattern only around a pattern. */
final class Categories implements ExpressionVisitor<Set<Category>> {

  static final Categories INSTANCE = new Categories();

  private static final Set<Category> PREDICATES = Set.of(PREDICATE, NULL_OPERAND, ARGUMENT);
  private static final Set<Category> NUMBERS = Set.of(SCALAR, NUMERIC, NULL_OPERAND, ARGUMENT);
  private static final Set<Category> INSTANTS = Set.of(SCALAR, TEMPORAL, INTERVAL_BOUND, NULL_OPERAND, ARGUMENT);
  private static final Set<Category> GEOMETRIES = Set.of(SPATIAL, NULL_OPERAND, ARGUMENT);
  private static final Set<Category> REFERENCES = Set.copyOf(EnumSet.complementOf(EnumSet.of(PREDICATE, PATTERN)));

  private Categories() {}

  @Override
  public Set<Category> visit(Logical logical) {
    return PREDICATES;
  }

  @Override
  public Set<Category> visit(Not not) {
    return PREDICATES;
  }

  @Override
  public Set<Category> visit(Comparison comparison) {
    return PREDICATES;
  }

  @Override
  public Set<Category> visit(Like like) {
    return PREDICATES;
  }

  @Override
  public Set<Category> visit(Between between) {
    return PREDICATES;
  }

  @Override
  public Set<Category> visit(In in) {
    return PREDICATES;
  }

  @Override
  public Set<Category> visit(IsNull isNull) {
    return PREDICATES;
  }

  @Override
  public Set<Category> visit(Fold fold) {
    return PATTERN.admits(fold.operand())
        ? EnumSet.of(SCALAR, CHARACTER, PATTERN, NULL_OPERAND, ARGUMENT)
        : EnumSet.of(SCALAR, CHARACTER, NULL_OPERAND, ARGUMENT);
  }

  @Override
  public Set<Category> visit(Arithmetic arithmetic) {
    return NUMBERS;
  }

  /** A property can stand for any value except a pattern (which must be a literal); not for a predicate (BNF). */
  @Override
  public Set<Category> visit(Property property) {
    return REFERENCES;
  }

  @Override
  public Set<Category> visit(StringLiteral literal) {
    return EnumSet.of(SCALAR, CHARACTER, PATTERN, NULL_OPERAND, ARGUMENT);
  }

  @Override
  public Set<Category> visit(NumberLiteral literal) {
    return NUMBERS;
  }

  @Override
  public Set<Category> visit(BooleanLiteral literal) {
    return EnumSet.of(PREDICATE, SCALAR, NULL_OPERAND, ARGUMENT);
  }

  @Override
  public Set<Category> visit(DateLiteral literal) {
    return INSTANTS;
  }

  @Override
  public Set<Category> visit(TimestampLiteral literal) {
    return INSTANTS;
  }

  @Override
  public Set<Category> visit(Interval interval) {
    return EnumSet.of(TEMPORAL, NULL_OPERAND, ARGUMENT);
  }

  @Override
  public Set<Category> visit(Unbounded unbounded) {
    return EnumSet.of(INTERVAL_BOUND);
  }

  @Override
  public Set<Category> visit(GeometryLiteral literal) {
    return GEOMETRIES;
  }

  @Override
  public Set<Category> visit(BboxLiteral literal) {
    return GEOMETRIES;
  }

  @Override
  public Set<Category> visit(ArrayLiteral literal) {
    return EnumSet.of(ARRAY, ARGUMENT);
  }

  @Override
  public Set<Category> visit(SpatialPredicate predicate) {
    return PREDICATES;
  }

  @Override
  public Set<Category> visit(TemporalPredicate predicate) {
    return PREDICATES;
  }

  @Override
  public Set<Category> visit(ArrayPredicate predicate) {
    return PREDICATES;
  }

  /** A function's result type is unknown to the grammar, so it may stand anywhere except as a pattern. */
  @Override
  public Set<Category> visit(FunctionCall call) {
    return EnumSet.complementOf(EnumSet.of(PATTERN));
  }
}
