package io.urbis.query;

/**
 * {@code name=value} on a queryable property (OGC 17-069r4, 7.15.5): the features whose property equals the
 * value, already converted to the property's type ({@link Long}, {@link Double}, {@link Boolean},
 * {@link java.time.LocalDate}, {@link java.time.OffsetDateTime} or {@link String}).
 */
public record PropertyFilter(String property, Object value) {}
