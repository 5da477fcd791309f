package io.urbis.source.geopackage;

import io.urbis.catalog.JsonType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Compares GeoPackage DATE and DATETIME text as ISO strings. SQLite's {@code date()} and {@code strftime()} first
 * normalise the stored text (optional fractional seconds, 'Z' or an offset) to one fixed-width UTC form, so that
 * string order is time order and equal instants are equal strings.
 */
final class TemporalColumn {

  private static final String DATE_TIME_PATTERN = "%Y-%m-%dT%H:%M:%fZ";
  private static final DateTimeFormatter DATE_TIME_TEXT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private TemporalColumn() {}

  /** The SQL expression giving the normalised text of the quoted column. */
  static String normalized(String quotedColumn, JsonType type) {
    return type == JsonType.DATE
        ? "date(" + quotedColumn + ")"
        : "strftime('" + DATE_TIME_PATTERN + "', " + quotedColumn + ")";
  }

  /** The normalised text of {@code instant}, comparable with {@link #normalized}; a date compares by its UTC day. */
  static String format(Instant instant, JsonType type) {
    return type == JsonType.DATE
        ? LocalDate.ofInstant(instant, ZoneOffset.UTC).toString()
        : DATE_TIME_TEXT.format(instant);
  }

  /** Parses normalised text back to an instant (a date at UTC midnight), or null when it is not a valid time. */
  static Instant parse(String text, JsonType type) {
    if (text == null) {
      return null;
    }
    try {
      return type == JsonType.DATE
          ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException notATime) {
      return null;
    }
  }
}
