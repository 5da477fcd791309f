package io.urbis.testdata;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for what follows the data with a lag (data versions, extents) to show a change. */
public final class Await {

  private static final long POLL_MILLIS = 200;

  private Await() {}

  /** Returns when {@code condition} holds; fails with {@code failure} when it does not within {@code patience}. */
  public static void until(BooleanSupplier condition, Duration patience, Supplier<String> failure)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    while (!condition.getAsBoolean()) {
      assertTrue(Instant.now().isBefore(deadline), failure.get() + " after " + patience.toSeconds() + " s");
      Thread.sleep(POLL_MILLIS);
    }
  }
}
