package io.urbis.tiles3d.meshopt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Decoded indices as a glTF stores them: little-endian, unsigned, 2 or 4 bytes each. */
final class DecodedIndices {

  private final ByteBuffer bytes;
  private final int byteStride;

  DecodedIndices(int count, int byteStride) {
    this.bytes = ByteBuffer.allocate(count * byteStride).order(ByteOrder.LITTLE_ENDIAN);
    this.byteStride = byteStride;
  }

  /** Adds an index, an unsigned 32-bit value. */
  void add(int index) {
    if (byteStride == 4) {
      bytes.putInt(index);
    } else if ((index & 0xFFFF_0000) == 0) {
      bytes.putShort((short) index);
    } else {
      throw new IllegalArgumentException("index " + Integer.toUnsignedString(index) + " at " + bytes.position() / 2
          + " does not fit 2 bytes");
    }
  }

  byte[] bytes() {
    return bytes.array();
  }
}
