package io.urbis.query;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.TemporalExtent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link TimeInterval#holds}: whether a datetime can leave out nothing that has a time. */
class TimeIntervalHoldsTest {

  private static final Instant FIRST = Instant.parse("1990-03-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("2024-11-30T12:30:00.000001Z");
  private static final TemporalExtent EXTENT = new TemporalExtent(FIRST, LAST);

  @Test
  void anIntervalFromTheFirstToTheLastTimeHoldsThem() {
    assertTrue(new TimeInterval(FIRST, LAST).holds(EXTENT));
    assertTrue(new TimeInterval(FIRST.minusSeconds(1), LAST.plusNanos(1000)).holds(EXTENT));
  }

  @Test
  void anIntervalThatStartsLaterOrEndsEarlierDoesNot() {
    assertFalse(new TimeInterval(FIRST.plusNanos(1000), LAST).holds(EXTENT));
    assertFalse(new TimeInterval(FIRST, LAST.minusNanos(1000)).holds(EXTENT));
  }

  @Test
  void anOpenEndHoldsAllOnItsSide() {
    assertTrue(new TimeInterval(null, LAST).holds(EXTENT));
    assertTrue(new TimeInterval(FIRST, null).holds(EXTENT));
    assertFalse(new TimeInterval(null, FIRST).holds(EXTENT));
    assertFalse(new TimeInterval(LAST, null).holds(EXTENT));
  }

  @Test
  void anInstantHoldsOnlyDataOfThatOneInstant() {
    assertFalse(new TimeInterval(FIRST, FIRST).holds(EXTENT));
    assertTrue(new TimeInterval(FIRST, FIRST).holds(new TemporalExtent(FIRST, FIRST)));
  }

  @Test
  void anExtentOpenAtAnEndIsHeldOnlyByAnIntervalOpenThere() {
    assertFalse(new TimeInterval(FIRST, LAST).holds(new TemporalExtent(FIRST, null)));
    assertTrue(new TimeInterval(FIRST, null).holds(new TemporalExtent(FIRST, null)));
  }

  @Test
  void dataWithoutTimesIsHeldByEveryInterval() {
    assertTrue(new TimeInterval(FIRST, FIRST).holds(null));
  }
}
