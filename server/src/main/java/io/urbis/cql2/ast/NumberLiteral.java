package io.urbis.cql2.ast;

/**
 * A numeric literal, held as a {@link Long} when it is a whole number that a double represents exactly and as a
 * {@link Double} otherwise: {@code 10} and {@code 10.0} are the same literal, in CQL2-text as in CQL2-JSON.
 */
public record NumberLiteral(Number value) implements Expression {

  private static final double EXACT_INTEGER_LIMIT = 0x1p53;

  public NumberLiteral {
    value = normalise(value);
  }

  public static NumberLiteral of(double value) {
    return new NumberLiteral(value);
  }

  public static NumberLiteral of(long value) {
    return new NumberLiteral(value);
  }

  private static Number normalise(Number value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return value.longValue();
    }
    double number = value.doubleValue();
    if (!Double.isFinite(number)) {
      throw new IllegalArgumentException("a number must be finite");
    }
    boolean exactWholeNumber = number == Math.rint(number) && Math.abs(number) <= EXACT_INTEGER_LIMIT;
    return exactWholeNumber ? (Number) (long) number : (Number) number;
  }

  @Override
  public <R> R accept(ExpressionVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
