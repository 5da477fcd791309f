package io.urbis.seed;

/** What the seeding jobs have done so far; the time of the 3D content spans its first job's start to its last's end. */
final class SeedTally {

  private long tiles;
  private long empty;
  private long failed;
  private long bytes;
  private long features;
  private long contentStart = Long.MAX_VALUE;
  private long contentEnd = Long.MIN_VALUE;

  void add(SeedJob.Outcome outcome) {
    tiles += outcome.job().tiles();
    if (outcome.failure() != null) {
      failed += outcome.job().tiles();
      return;
    }
    empty += outcome.built().empty();
    bytes += outcome.built().bytes();
    if (outcome.job().features() > 0) {
      features += outcome.job().features();
      contentStart = Math.min(contentStart, outcome.startNanos());
      contentEnd = Math.max(contentEnd, outcome.endNanos());
    }
  }

  /** Tiles done, built or failed. */
  long tiles() {
    return tiles;
  }

  SeedSummary summary(double seconds) {
    double contentSeconds = features == 0 ? 0 : (contentEnd - contentStart) / 1e9;
    return new SeedSummary(tiles - failed, empty, failed, bytes, seconds, features, contentSeconds);
  }
}
