package io.urbis.cql2.jts;

import io.urbis.cql2.QueryableType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a stored property value as its queryable's type, the way a database column would hold it: numbers as Long or
 * Double, booleans from 0/1, dates and timestamps from ISO text (a timestamp without offset is UTC). A value that
 * does not read as the type is missing (null), so comparisons with it are unknown rather than failing.
 */
final class PropertyValues {

  private PropertyValues() {}

  static Object as(QueryableType type, Object value) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case STRING -> value instanceof String ? value : null;
      case NUMBER, INTEGER -> number(value);
      case BOOLEAN -> bool(value);
      case DATE -> date(value);
      case TIMESTAMP -> timestamp(value);
      case ARRAY -> array(value);
      case GEOMETRY -> null;
    };
  }

  private static Object number(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    return value instanceof Number number ? (Object) number.doubleValue() : null;
  }

  private static Object bool(Object value) {
    if (value instanceof Boolean) {
      return value;
    }
    return value instanceof Number number ? (Object) (number.doubleValue() != 0) : null;
  }

  private static Object date(Object value) {
    if (value instanceof LocalDate) {
      return value;
    }
    return value instanceof String text ? parse(() -> LocalDate.parse(text)) : null;
  }

  private static Object timestamp(Object value) {
    if (value instanceof Instant) {
      return value;
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof LocalDateTime time) {
      return time.toInstant(ZoneOffset.UTC);
    }
    return value instanceof String text ? parse(() -> timestampText(text)) : null;
  }

  private static Instant timestampText(String text) {
    String iso = text.replace(' ', 'T');
    boolean hasOffset = iso.endsWith("Z") || iso.matches(".*T.*[+-]\\d{2}:?\\d{2}$");
    return hasOffset ? OffsetDateTime.parse(iso).toInstant() : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
  }

  private static Object array(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(PropertyValues::element).toList();
    }
    return value instanceof Object[] array ? Arrays.stream(array).map(PropertyValues::element).toList() : null;
  }

  /** Array elements are compared like scalars, so integers become Long and other numbers Double. */
  private static Object element(Object value) {
    return value instanceof Number ? number(value) : value;
  }

  private static Object parse(Supplier<Object> parse) {
    try {
      return parse.get();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
