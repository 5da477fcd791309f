package io.urbis.tiles3d.meshopt;

/**
 * The extension's post-decompression filters that Urbis writes; {@link #name()} is the value of its {@code filter}
 * property. The encoder's caller prepares the filter's input: the filter only tells the decoder how to read it.
 */
public enum MeshoptFilter {
  /** The decoded bytes are the data. */
  NONE,
  /** Each 32-bit value is a signed 8-bit exponent over a signed 24-bit mantissa, decoded to a float32. */
  EXPONENTIAL
}
