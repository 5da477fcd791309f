package io.urbis.source;

/**
 * A feature as a write left it.
 *
 * @param id the feature id as text, as it appears in the feature's URL
 * @param version its version now, as {@link EncodedFeature#version()} reads it for the same audience
 */
public record WrittenFeature(String id, String version) {}
