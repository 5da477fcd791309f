package io.urbis.tiles3d;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * How a tile's positions are stored. Normally as unsigned 16-bit steps of a grid over the box of the tile's content
 * (KHR_mesh_quantization; the node matrix scales and shifts them back): a step is at most 2 cm, so no vertex moves
 * by more than 1 cm on any axis. A box too large for that (over 1.3 km, which only tiles near the root reach) keeps
 * float32 metres from the tile centre.
 *
 * @param origin the grid's corner, Y-up local metres (zero without quantization)
 * @param step metres per grid step (1 without quantization)
 */
record PositionGrid(double[] origin, double step, boolean quantized) {

  static final double MAX_STEP = 0.02;
  private static final int STEPS = 65535;
  /** Quantized positions are three 16-bit values padded to 8 bytes: vertex data is 4-byte aligned in glTF. */
  static final int QUANTIZED_STRIDE = 8;

  /** The grid for these positions (x, y, z in sequence). */
  static PositionGrid covering(double[] positions) {
    double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int i = 0; i < positions.length; i++) {
      min[i % 3] = Math.min(min[i % 3], positions[i]);
      max[i % 3] = Math.max(max[i % 3], positions[i]);
    }
    double extent = Math.max(max[0] - min[0], Math.max(max[1] - min[1], max[2] - min[2]));
    if (!(extent <= MAX_STEP * STEPS)) {
      return new PositionGrid(new double[3], 1, false);
    }
    return new PositionGrid(min, Math.max(extent, 1e-3) / STEPS, true);
  }

  int componentType() {
    return quantized ? GlbWriter.UNSIGNED_SHORT : GlbWriter.FLOAT;
  }

  int byteStride() {
    return quantized ? QUANTIZED_STRIDE : 12;
  }

  /** The positions as stored, one vertex per {@link #byteStride()} bytes. */
  byte[] encode(double[] positions) {
    int count = positions.length / 3;
    ByteBuffer out = ByteBuffer.allocate(byteStride() * count).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < count; i++) {
      for (int axis = 0; axis < 3; axis++) {
        double value = (positions[3 * i + axis] - origin[axis]) / step;
        if (quantized) {
          out.putShort((short) Math.min(STEPS, Math.max(0, Math.round(value))));
        } else {
          out.putFloat((float) value);
        }
      }
      if (quantized) {
        out.putShort((short) 0);
      }
    }
    return out.array();
  }

  /** The stored value of one ordinate, as glTF's accessor bounds must give it exactly. */
  double stored(double ordinate, int axis) {
    double value = (ordinate - origin[axis]) / step;
    return quantized ? Math.min(STEPS, Math.max(0, Math.round(value))) : (float) value;
  }
}
