package io.urbis.tiles3d;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * How a tile's positions are stored: float32 metres from the corner of the content's box (the node matrix adds the
 * corner back), snapped to a grid of 1/64 m, so each ordinate is within 8 mm of the source. On that grid a position
 * is exactly an integer times 2^-6: compressed, it is written as such (EXT_meshopt_compression's exponential filter),
 * which the attribute codec stores about as compactly as 16-bit integers, for content up to 131 km across (beyond,
 * which only the top tiles of a large region reach, the float32 values are compressed as they are).
 *
 * @param origin the corner, Y-up local metres
 */
record PositionGrid(double[] origin) {

  /** Grid steps per metre, a power of two. */
  static final int STEPS_PER_METRE = 64;
  private static final int EXPONENT = -6;
  private static final long MANTISSA_LIMIT = 1L << 23;
  static final int BYTE_STRIDE = 12;

  /** The grid for these positions (x, y, z in sequence). */
  static PositionGrid covering(double[] positions) {
    double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    for (int i = 0; i < positions.length; i++) {
      min[i % 3] = Math.min(min[i % 3], positions[i]);
    }
    return new PositionGrid(positions.length == 0 ? new double[3] : min);
  }

  /** The positions as float32 values on the grid, one vertex per {@link #BYTE_STRIDE} bytes. */
  byte[] floats(double[] positions) {
    ByteBuffer out = ByteBuffer.allocate(4 * positions.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < positions.length; i++) {
      out.putFloat((float) stored(positions[i], i % 3));
    }
    return out.array();
  }

  /** Whether every position fits the exponential filter's 24-bit mantissa: a content box under 131 km. */
  boolean fitsExponentialFilter(double[] positions) {
    for (int i = 0; i < positions.length; i++) {
      if (steps(positions[i], i % 3) >= MANTISSA_LIMIT) {
        return false;
      }
    }
    return true;
  }

  /**
   * The same values as the exponential filter's input: each a 32-bit integer of an 8-bit exponent (-6) over a 24-bit
   * mantissa, the grid steps; {@link #fitsExponentialFilter} must hold.
   */
  byte[] exponentialFilterInput(double[] positions) {
    ByteBuffer out = ByteBuffer.allocate(4 * positions.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < positions.length; i++) {
      out.putInt(EXPONENT << 24 | (int) steps(positions[i], i % 3));
    }
    return out.array();
  }

  /** The stored value of one ordinate, as glTF's accessor bounds must give it exactly. */
  double stored(double ordinate, int axis) {
    return (double) steps(ordinate, axis) / STEPS_PER_METRE;
  }

  private long steps(double ordinate, int axis) {
    return Math.round((ordinate - origin[axis]) * STEPS_PER_METRE);
  }
}
