package io.urbis.cql2.jts;

import io.urbis.cql2.ast.ArithmeticOperator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Comparison, arithmetic and case folding on evaluated values, each matching what the PostGIS SQL does. */
final class ScalarValues {

  private ScalarValues() {}

  /**
   * The order of two values, or null when either is missing or they cannot be compared. Numbers compare by value,
   * strings by code point (SQL {@code COLLATE "C"}), false before true, and a date as midnight UTC.
   */
  static Integer compare(Object left, Object right) {
    if (left instanceof Number a && right instanceof Number b) {
      return a instanceof Long && b instanceof Long
          ? Long.compare(a.longValue(), b.longValue())
          : compareNumerically(a.doubleValue(), b.doubleValue());
    }
    if (left instanceof String a && right instanceof String b) {
      return compareCodePoints(a, b);
    }
    if (left instanceof Boolean a && right instanceof Boolean b) {
      return Boolean.compare(a, b);
    }
    Instant a = instant(left);
    Instant b = instant(right);
    return a == null || b == null ? null : a.compareTo(b);
  }

  static boolean equal(Object left, Object right) {
    Integer comparison = compare(left, right);
    return comparison != null && comparison == 0;
  }

  /** A date or timestamp as an instant, a date at midnight UTC; null for anything else. */
  static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    return value instanceof LocalDate date ? date.atStartOfDay(ZoneOffset.UTC).toInstant() : null;
  }

  /** In double precision; division by zero and results that are not finite numbers are unknown (null). */
  static Double arithmetic(ArithmeticOperator operator, Number left, Number right) {
    double a = left.doubleValue();
    double b = right.doubleValue();
    double result = switch (operator) {
      case ADD -> a + b;
      case SUBTRACT -> a - b;
      case MULTIPLY -> a * b;
      case DIVIDE -> b == 0 ? Double.NaN : a / b;
      case MODULO -> b == 0 ? Double.NaN : a % b;
      case INTEGER_DIVIDE -> b == 0 ? Double.NaN : truncate(a / b);
      case POWER -> Math.pow(a, b);
    };
    return Double.isFinite(result) ? result : null;
  }

  /** Lower case code point by code point, as PostgreSQL's {@code lower()} does, without context rules. */
  static String lowerCase(String text) {
    StringBuilder lower = new StringBuilder(text.length());
    text.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
    return lower.toString();
  }

  /** Unlike {@link Double#compare}, -0.0 equals 0.0, as in SQL; NaN never reaches here. */
  private static int compareNumerically(double a, double b) {
    if (a == b) {
      return 0;
    }
    return a < b ? -1 : 1;
  }

  private static double truncate(double quotient) {
    return quotient < 0 ? Math.ceil(quotient) : Math.floor(quotient);
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
