package io.urbis.cql2;

/** What an expression yields, as far as deciding whether a filter is well typed needs to know. */
public enum ValueKind {
  BOOLEAN,
  STRING,
  NUMBER,
  DATE,
  TIMESTAMP,
  INTERVAL,
  UNBOUNDED,
  GEOMETRY,
  ARRAY;

  public static ValueKind of(QueryableType type) {
    return switch (type) {
      case STRING -> STRING;
      case NUMBER, INTEGER -> NUMBER;
      case BOOLEAN -> BOOLEAN;
      case DATE -> DATE;
      case TIMESTAMP -> TIMESTAMP;
      case GEOMETRY -> GEOMETRY;
      case ARRAY -> ARRAY;
    };
  }

  public boolean isInstant() {
    return this == DATE || this == TIMESTAMP;
  }

  public boolean isTemporal() {
    return isInstant() || this == INTERVAL;
  }

  /** Whether SQL and the in-memory evaluator can compare the two: the same kind, or a date with a timestamp. */
  public boolean isComparableWith(ValueKind other) {
    boolean scalar = this == BOOLEAN || this == STRING || this == NUMBER || isInstant();
    return scalar && (this == other || isInstant() && other.isInstant());
  }
}
