package io.urbis.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.urbis.seed.SeedJob.Built;
import io.urbis.seed.SeedJob.Outcome;
import org.junit.jupiter.api.Test;

class SeedTallyTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void failedJobsCountTheirTilesAndThe3dTimeSpansTheContentJobsOnly() {
    SeedTally tally = new SeedTally();
    SeedJob subtree = new SeedJob(1, 0, () -> null);
    SeedJob content = new SeedJob(20, 300, () -> null);
    tally.add(new Outcome(subtree, new Built(0, 100), null, 0, 9 * SECOND));
    tally.add(new Outcome(content, new Built(0, 5_000), null, 2 * SECOND, 3 * SECOND));
    tally.add(new Outcome(content, new Built(0, 7_000), null, SECOND, 4 * SECOND));
    tally.add(new Outcome(content, null, new IllegalStateException("no database"), 0, 10 * SECOND));
    assertEquals(61, tally.tiles());
    SeedSummary summary = tally.summary(12.5);
    assertEquals(new SeedSummary(41, 0, 20, 12_100, 12.5, 600, 3), summary);
    assertEquals("41 tiles (0 empty, 20 failed), 12,100 bytes in 12.5 s; 3D: 600 features in 3.00 s, 200 features/s",
        summary.line());
  }

  @Test
  void aSummaryWithout3dFeaturesSaysNothingOfThem() {
    SeedTally tally = new SeedTally();
    tally.add(new Outcome(new SeedJob(1, 0, () -> null), new Built(1, 0), null, 0, SECOND));
    assertEquals("1 tiles (1 empty), 0 bytes in 1.0 s", tally.summary(1).line());
  }
}
