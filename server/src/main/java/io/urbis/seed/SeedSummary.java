package io.urbis.seed;

import java.util.Locale;

/**
 * What a seeding run did.
 *
 * @param tiles tiles, subtrees and tilesets now in the cache
 * @param empty vector tiles without features (served as 204)
 * @param failed tiles that could not be built
 * @param bytes the uncompressed size of them all
 * @param seconds how long it took, planning included
 * @param features the 3D features in the 3D tiles with content that were seeded
 * @param featureSeconds how long seeding those tiles took, from the start of the first to the end of the last
 */
public record SeedSummary(long tiles, long empty, long failed, long bytes, double seconds, long features,
    double featureSeconds) {

  /**
   * One line, e.g. {@code 1,234 tiles (56 empty), 7,890,123 bytes in 12.3 s}, naming failures when any, and 3D
   * features with their rate when any, e.g. {@code ; 3D: 6,631 features in 1.02 s, 6,501 features/s}.
   */
  public String line() {
    String failures = failed == 0 ? "" : String.format(Locale.ROOT, ", %,d failed", failed);
    String models = features == 0 ? "" : String.format(Locale.ROOT, "; 3D: %,d features in %.2f s, %,.0f features/s",
        features, featureSeconds, features / featureSeconds);
    return String.format(Locale.ROOT, "%,d tiles (%,d empty%s), %,d bytes in %.1f s%s", tiles, empty, failures,
        bytes, seconds, models);
  }
}
