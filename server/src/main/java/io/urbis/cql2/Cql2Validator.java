package io.urbis.cql2;

import io.urbis.cql2.ast.Expression;

/**
 * Checks a parsed filter against a collection's queryables before any SQL exists: every property must be a queryable,
 * every function known (no functions are supported), and operands must have types that the comparison or function
 * accepts, as OGC 21-065 requires (a string is not compared with a number, S_INTERSECTS takes geometries, ...).
 * Geometry literals must lie within CRS84.
 */
public final class Cql2Validator {

  private final Queryables queryables;

  public Cql2Validator(Queryables queryables) {
    this.queryables = queryables;
  }

  /** Throws {@link Cql2ValidationException} naming the first problem; returns quietly for a usable filter. */
  public void validate(Expression filter) {
    ValueKind kind = kindOf(filter);
    if (kind != ValueKind.BOOLEAN) {
      throw new Cql2ValidationException("a filter must be a predicate, not a value of type " + kind);
    }
  }

  /** The kind of value an expression yields; validates the expression on the way. */
  public ValueKind kindOf(Expression expression) {
    return expression.accept(new KindChecker(queryables));
  }
}
