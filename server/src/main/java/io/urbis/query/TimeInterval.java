package io.urbis.query;

import io.urbis.catalog.TemporalExtent;
import java.time.Instant;

/**
 * The {@code datetime} selection: an instant ({@code start == end}), a closed interval, or a half-bounded
 * interval where a null end means "..".
 */
public record TimeInterval(Instant start, Instant end) {

  public boolean isInstant() {
    return start != null && start.equals(end);
  }

  /**
   * Whether every instant from the start to the end of {@code extent} lies in this interval, ends included: then it
   * leaves out nothing that has a time. An open end (..) holds all on its side, an open end of the extent only an
   * open end; no extent (no times) is held by every interval.
   */
  public boolean holds(TemporalExtent extent) {
    if (extent == null) {
      return true;
    }
    boolean fromStart = start == null || (extent.start() != null && !start.isAfter(extent.start()));
    boolean toEnd = end == null || (extent.end() != null && !end.isBefore(extent.end()));
    return fromStart && toEnd;
  }
}
