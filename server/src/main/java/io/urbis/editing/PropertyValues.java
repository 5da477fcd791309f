package io.urbis.editing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.urbis.catalog.JsonType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Checks a written property value against the JSON type of its property, as the collection's schema states it, and
 * writes it the one way sources store it: whole numbers as integers, date-times as UTC instants.
 */
final class PropertyValues {

  private PropertyValues() {}

  /** The value as it is to be stored, or null after adding the problem to {@code problems}; JSON null stays. */
  static JsonNode checked(JsonNode value, JsonType type, String pointer, BodyProblems problems) {
    if (value.isNull()) {
      return value;
    }
    JsonNode checked = switch (type) {
      case STRING -> value.isTextual() ? value : null;
      case INTEGER -> integer(value);
      case NUMBER -> value.isNumber() ? value : null;
      case BOOLEAN -> value.isBoolean() ? value : null;
      case DATE -> value.isTextual() && isDate(value.textValue()) ? value : null;
      case DATE_TIME -> value.isTextual() ? instant(value.textValue()) : null;
      // json and jsonb columns hold any JSON value, whatever the schema's "object" says of the usual ones
      case OBJECT -> value;
      case ARRAY -> value.isArray() ? value : null;
    };
    if (checked == null) {
      problems.add(pointer, "expected " + expected(type) + ", got " + shortly(value));
    }
    return checked;
  }

  /** An integer, also written with a fraction of zero (JSON Schema's "integer" takes 3.0). */
  private static JsonNode integer(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value;
    }
    if (value.isNumber()) {
      BigDecimal number = value.decimalValue();
      if (number.signum() == 0 || number.stripTrailingZeros().scale() <= 0) {
        return JsonNodeFactory.instance.numberNode(number.toBigIntegerExact());
      }
    }
    return null;
  }

  private static boolean isDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * An RFC 3339 date-time as the UTC instant it names; one without offset, as a {@code timestamp} column is served, is
   * read as UTC, as Urbis reads such columns.
   */
  private static JsonNode instant(String text) {
    try {
      return JsonNodeFactory.instance.textNode(OffsetDateTime.parse(text).toInstant().toString());
    } catch (DateTimeParseException withoutOffset) {
      try {
        return JsonNodeFactory.instance.textNode(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toString());
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  private static String expected(JsonType type) {
    return switch (type) {
      case STRING -> "a string";
      case INTEGER -> "an integer";
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case DATE -> "a date (YYYY-MM-DD)";
      case DATE_TIME -> "a date-time (RFC 3339, e.g. 2024-05-01T12:00:00Z)";
      case OBJECT -> "JSON";
      case ARRAY -> "an array";
    };
  }

  /** The value as the message shows it: short, so that a huge value does not make a huge message. */
  static String shortly(JsonNode value) {
    String text = value.toString();
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
