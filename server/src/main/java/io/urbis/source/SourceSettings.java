package io.urbis.source;

/**
 * What every source needs to know from the server configuration.
 *
 * @param coordinatePrecision decimal digits of CRS84 coordinates in output (8 is about 1 mm)
 * @param filteredCountLimit a filtered request reports numberMatched when the source expects at most this many
 *     matches (PostgreSQL's planner, a GeoPackage's candidate rows), so counting them is cheap; above, it omits it, as
 *     OGC 17-069r4 allows. Requests without filters always report it
 */
public record SourceSettings(int coordinatePrecision, long filteredCountLimit) {

  public static final SourceSettings DEFAULTS = new SourceSettings(8, 100_000);
}
