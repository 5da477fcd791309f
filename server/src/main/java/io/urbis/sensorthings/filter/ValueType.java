package io.urbis.sensorthings.filter;

/** What an expression of a {@code $filter} yields, as the compiler checks operands. */
public enum ValueType {
  NUMBER, STRING, BOOLEAN, DATE_TIME, DATE,
  /** A time interval: a start and an end, equal for an instant (phenomenonTime). */
  INTERVAL,
  /** A jsonb value whose type is known only per row (result, properties/...). */
  JSON,
  GEOMETRY,
  NULL;

  /** The type with its article, for messages: "a number", "an interval". */
  String label() {
    String name = name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }
}
