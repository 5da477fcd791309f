package io.urbis.catalog;

/**
 * Where and when a collection's features are.
 *
 * @param spatial the extent in CRS84, or null when the collection has no geometries
 * @param temporal the extent of the temporal property, or null when it has none or no values
 */
public record DataExtent(SpatialExtent spatial, TemporalExtent temporal) {}
