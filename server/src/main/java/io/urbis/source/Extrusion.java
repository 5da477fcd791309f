package io.urbis.source;

/**
 * How a collection of 2D footprints becomes block models (LoD1): each footprint raised from {@code baseColumn}
 * (or 0 when null) by the value of {@code heightColumn}. Both are column names checked against the catalog.
 */
public record Extrusion(String heightColumn, String baseColumn) {}
