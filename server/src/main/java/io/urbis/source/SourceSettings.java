package io.urbis.source;

/**
 * What every source needs to know from the server configuration.
 *
 * @param coordinatePrecision decimal digits of CRS84 coordinates in output (8 is about 1 mm)
 * @param exactCountLimit collections with at most this many rows (estimated) report an exact numberMatched;
 *     larger ones omit it, as OGC 17-069r4 allows, so paging a big table never pays for a count
 */
public record SourceSettings(int coordinatePrecision, long exactCountLimit) {

  public static final SourceSettings DEFAULTS = new SourceSettings(8, 100_000);
}
