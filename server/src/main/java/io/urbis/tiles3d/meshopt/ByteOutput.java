package io.urbis.tiles3d.meshopt;

import java.util.Arrays;

/** A growing byte array that can also patch bytes already written (the attribute codec's header bits). */
final class ByteOutput {

  private byte[] bytes;
  private int size;

  ByteOutput(int capacity) {
    bytes = new byte[Math.max(capacity, 16)];
  }

  void put(int value) {
    if (size == bytes.length) {
      bytes = Arrays.copyOf(bytes, bytes.length * 2);
    }
    bytes[size++] = (byte) value;
  }

  void put(byte[] values, int offset, int length) {
    for (int i = 0; i < length; i++) {
      put(values[offset + i]);
    }
  }

  /** ORs {@code bits} into the byte at {@code position}. */
  void or(int position, int bits) {
    bytes[position] |= (byte) bits;
  }

  /** Unsigned LEB128 ("varint-7") of the 32 bits of {@code value}. */
  void putVarint(int value) {
    int rest = value;
    while ((rest & ~0x7F) != 0) {
      put((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    put(rest);
  }

  int size() {
    return size;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** Zigzag: small magnitudes of either sign become small unsigned values (0, -1, 1, -2 ... as 0, 1, 2, 3 ...). */
  static int zigzag(int value) {
    return (value << 1) ^ (value >> 31);
  }
}
