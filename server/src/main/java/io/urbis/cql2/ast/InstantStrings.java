package io.urbis.cql2.ast;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The instant strings of CQL2: {@code 2020-01-31} and {@code 2020-01-31T10:00:00Z} (UTC only), and {@code ..}. */
public final class InstantStrings {

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");

  private InstantStrings() {}

  /** Throws IllegalArgumentException for anything but a valid calendar date in the form YYYY-MM-DD. */
  public static DateLiteral date(String text) {
    if (!DATE.matcher(text).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a date of the form YYYY-MM-DD");
    }
    try {
      return new DateLiteral(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a valid date");
    }
  }

  /** Throws IllegalArgumentException for anything but a valid UTC timestamp YYYY-MM-DDTHH:MM:SS[.fraction]Z. */
  public static TimestampLiteral timestamp(String text) {
    if (!TIMESTAMP.matcher(text).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a timestamp of the form YYYY-MM-DDTHH:MM:SS[.S]Z");
    }
    try {
      return new TimestampLiteral(Instant.parse(text));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a valid timestamp");
    }
  }

  /** An interval bound written as a string: {@code ..}, a date or a timestamp. */
  public static Expression intervalBound(String text) {
    if (text.equals("..")) {
      return new Unbounded();
    }
    return DATE.matcher(text).matches() ? date(text) : timestamp(text);
  }

  /** How the text and JSON forms write an interval bound literal; the inverse of {@link #intervalBound}. */
  public static String format(Expression bound) {
    if (bound instanceof DateLiteral date) {
      return date.value().toString();
    }
    if (bound instanceof TimestampLiteral timestamp) {
      return timestamp.value().toString();
    }
    if (bound instanceof Unbounded) {
      return "..";
    }
    throw new IllegalArgumentException("not an instant literal: " + bound);
  }
}
