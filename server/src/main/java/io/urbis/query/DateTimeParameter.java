package io.urbis.query;

import io.urbis.error.InvalidParameterException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * {@code datetime}: an RFC 3339 instant or date, or an interval of two with ".." or an empty side for an open end
 * (OGC 17-069r4, 7.15.4). A date stands for the start of that day in UTC.
 */
public final class DateTimeParameter implements QueryParameter<TimeInterval> {

  private static final String OPEN = "..";

  @Override
  public String name() {
    return "datetime";
  }

  @Override
  public TimeInterval parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length == 1) {
      Instant instant = parseInstant(parts[0]);
      return new TimeInterval(instant, instant);
    }
    if (parts.length != 2) {
      throw invalid("expected an instant or an interval start/end");
    }
    Instant start = parseBound(parts[0]);
    Instant end = parseBound(parts[1]);
    if (start == null && end == null) {
      throw invalid("an interval needs at least one bounded end");
    }
    if (start != null && end != null && start.isAfter(end)) {
      throw invalid("the interval starts after it ends");
    }
    return new TimeInterval(start, end);
  }

  private Instant parseBound(String text) {
    return text.isEmpty() || text.equals(OPEN) ? null : parseInstant(text);
  }

  private Instant parseInstant(String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid("'" + text + "' is not an RFC 3339 date-time or date");
    }
  }

  private InvalidParameterException invalid(String problem) {
    return new InvalidParameterException(name(), problem);
  }
}
