package io.urbis.seed;

import java.util.Locale;

/**
 * What a seeding run did.
 *
 * @param tiles tiles, subtrees and tilesets now in the cache
 * @param empty vector tiles without features (served as 204)
 * @param failed tiles that could not be built
 * @param bytes the uncompressed size of them all
 * @param seconds how long it took
 */
public record SeedSummary(long tiles, long empty, long failed, long bytes, double seconds) {

  /** One line, e.g. {@code 1,234 tiles (56 empty), 7,890,123 bytes in 12.3 s}, naming failures when any. */
  public String line() {
    String failures = failed == 0 ? "" : String.format(Locale.ROOT, ", %,d failed", failed);
    return String.format(Locale.ROOT, "%,d tiles (%,d empty%s), %,d bytes in %.1f s", tiles, empty, failures, bytes,
        seconds);
  }
}
