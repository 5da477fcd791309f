package io.urbis.catalog;

import java.time.Instant;

/** A closed or half-open time interval; a null end is open. */
public record TemporalExtent(Instant start, Instant end) {}
