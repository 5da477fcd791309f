package io.urbis.source;

/**
 * A page's features written by the source itself: GeoJSON feature objects joined by commas, ready to go between
 * the brackets of a FeatureCollection's {@code features}.
 *
 * @param json the UTF-8 text; empty for an empty page
 * @param count how many features it holds
 */
public record JoinedFeatures(byte[] json, int count) {}
