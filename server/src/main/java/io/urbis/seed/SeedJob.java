package io.urbis.seed;

import io.urbis.cache.TileBytes;
import java.util.function.Supplier;

/**
 * Tiles that a seeding thread builds together: how many, how many 3D features they hold, and how to build them.
 */
record SeedJob(int tiles, int features, Supplier<Built> build) {

  /** What a job built: how many of its tiles are empty, and the bytes of them all. */
  record Built(int empty, long bytes) {}

  /** A job run: what it built or why it failed, and when it ran. */
  record Outcome(SeedJob job, Built built, RuntimeException failure, long startNanos, long endNanos) {}

  /** A job of one tile. */
  static SeedJob of(Supplier<TileBytes> tile) {
    return new SeedJob(1, 0, () -> {
      int length = tile.get().content().length;
      return new Built(length == 0 ? 1 : 0, length);
    });
  }

  /** Builds the tiles; a failure is the outcome, not thrown, so that the seeding goes on. */
  Outcome run() {
    long start = System.nanoTime();
    try {
      Built built = build.get();
      return new Outcome(this, built, null, start, System.nanoTime());
    } catch (RuntimeException e) {
      return new Outcome(this, null, e, start, System.nanoTime());
    }
  }
}
