package io.urbis.conformance.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** RFC 3339 values as the API writes them. */
public final class Times {

  private Times() {}

  /** A date-time with offset ({@code 2020-01-01T00:00:00Z}) or a full-date (taken as its first instant, UTC). */
  public static Instant parse(String value) {
    return value.length() == 10
        ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
        : OffsetDateTime.parse(value).toInstant();
  }

  /** The first instant of a date as an RFC 3339 date-time: {@code 1975-05-05T00:00:00Z}. */
  public static String midnight(String date) {
    return date + "T00:00:00Z";
  }
}
