package io.urbis.tiles3d.meshopt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * EXT_meshopt_compression's exponential filter (Appendix B, filter 3), applied after decoding: each little-endian
 * 32-bit value is a signed 8-bit exponent e over a signed 24-bit mantissa m and becomes the float32 2^e * m.
 */
public final class ExponentialFilter {

  private ExponentialFilter() {}

  public static byte[] apply(byte[] decoded) {
    ByteBuffer in = ByteBuffer.wrap(decoded).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer out = ByteBuffer.allocate(decoded.length).order(ByteOrder.LITTLE_ENDIAN);
    while (in.hasRemaining()) {
      int value = in.getInt();
      int exponent = value >> 24;
      int mantissa = (value << 8) >> 8;
      if (exponent < -100 || exponent > 100) {
        throw new IllegalArgumentException("exponent " + exponent + " outside [-100, 100]");
      }
      out.putFloat((float) Math.scalb((double) mantissa, exponent));
    }
    return out.array();
  }
}
