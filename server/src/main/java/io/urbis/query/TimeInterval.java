package io.urbis.query;

import java.time.Instant;

/**
 * The {@code datetime} selection: an instant ({@code start == end}), a closed interval, or a half-bounded
 * interval where a null end means "..".
 */
public record TimeInterval(Instant start, Instant end) {

  public boolean isInstant() {
    return start != null && start.equals(end);
  }
}
