package io.urbis.source.geopackage;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.catalog.JsonType;
import io.urbis.source.geopackage.TableColumns.Column;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Turns the JSON value of a property into what its column stores, as the GeoPackage standard types columns
 * (OGC 12-128r18, table 1): BOOLEAN as 0 or 1, the integer types within their byte widths, FLOAT within single
 * precision, DATE as {@code YYYY-MM-DD}, DATETIME as UTC text ({@code YYYY-MM-DDTHH:MM:SS.SSSZ}, the form GDAL writes,
 * with more digits only when the time has them), {@code TEXT(n)} at most n characters, BLOB from the Base64 text the
 * source reads it as. A value that does not fit its column is a problem named after the property, for the 400 that
 * lists them all.
 */
final class ColumnValues {

  /** The inclusive range of each integer type: TINYINT, SMALLINT, MEDIUMINT are 8, 16 and 32 bits wide. */
  private static final Map<String, long[]> INTEGER_RANGES = Map.of(
      "TINYINT", new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE},
      "SMALLINT", new long[] {Short.MIN_VALUE, Short.MAX_VALUE},
      "MEDIUMINT", new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE});

  private ColumnValues() {}

  /**
   * The value {@code column} stores for {@code value} (null for JSON null); null with a problem added to
   * {@code problems} when it does not fit.
   */
  static Object stored(Column column, JsonNode value, List<String> problems) {
    if (value == null || value.isNull()) {
      return null;
    }
    String type = DeclaredTypes.baseType(column.declaredType());
    JsonType json = DeclaredTypes.jsonType(column.declaredType());
    Object stored = switch (json) {
      case BOOLEAN -> value.isBoolean() ? (Object) (value.booleanValue() ? 1 : 0) : null;
      case INTEGER -> integer(type, value);
      case NUMBER -> real(type, value);
      case DATE -> date(value);
      case DATE_TIME -> dateTime(value);
      default -> text(type, column.declaredType(), value);
    };
    if (stored == null) {
      problems.add("'" + column.name() + "': " + value + " does not fit its column of type "
          + (column.declaredType() == null || column.declaredType().isBlank() ? "(none)" : column.declaredType()));
    }
    return stored;
  }

  private static Long integer(String type, JsonNode value) {
    if (!value.isNumber()) {
      return null;
    }
    BigDecimal number = value.decimalValue();
    try {
      long integer = number.longValueExact();
      long[] range = INTEGER_RANGES.get(type);
      return range == null || (integer >= range[0] && integer <= range[1]) ? integer : null;
    } catch (ArithmeticException notALong) {
      return null;
    }
  }

  private static Double real(String type, JsonNode value) {
    if (!value.isNumber()) {
      return null;
    }
    double real = value.doubleValue();
    boolean fits = Double.isFinite(real) && (!type.equals("FLOAT") || Math.abs(real) <= Float.MAX_VALUE);
    return fits ? real : null;
  }

  private static String date(JsonNode value) {
    try {
      return value.isTextual() ? LocalDate.parse(value.textValue()).toString() : null;
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }

  private static String dateTime(JsonNode value) {
    if (!value.isTextual()) {
      return null;
    }
    try {
      Instant instant = OffsetDateTime.parse(value.textValue()).toInstant();
      return instant.getNano() % 1_000_000 == 0
          ? TemporalColumn.format(instant, JsonType.DATE_TIME)
          : DateTimeFormatter.ISO_INSTANT.format(instant);
    } catch (DateTimeParseException notATime) {
      return null;
    }
  }

  /** TEXT (within its length), BLOB, or a type GeoPackage does not name, which keeps the JSON value as it comes. */
  private static Object text(String type, String declared, JsonNode value) {
    if (type.equals("BLOB")) {
      try {
        return value.isTextual() ? Base64.getDecoder().decode(value.textValue()) : null;
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
    }
    if (type.equals("TEXT")) {
      return value.isTextual() && fitsLength(declared, value.textValue()) ? value.textValue() : null;
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? 1 : 0;
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    return value.isTextual() ? value.textValue() : value.toString();
  }

  /** Whether {@code text} has at most the characters a {@code TEXT(n)} declaration allows. */
  private static boolean fitsLength(String declared, String text) {
    int open = declared.indexOf('(');
    int close = declared.indexOf(')', open + 1);
    if (open < 0 || close < 0) {
      return true;
    }
    try {
      return text.codePointCount(0, text.length()) <= Long.parseLong(declared.substring(open + 1, close).trim());
    } catch (NumberFormatException noLength) {
      return true;
    }
  }
}
