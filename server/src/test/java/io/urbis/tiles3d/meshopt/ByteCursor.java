package io.urbis.tiles3d.meshopt;

import java.util.Arrays;

/**
 * Reads an encoded stream's body, between its header byte and its tail, and never past it: running into the tail
 * means the stream is truncated or malformed.
 */
final class ByteCursor {

  private static final int MAX_VARINT_BYTES = 5;

  private final byte[] data;
  private final int end;
  private final String mode;
  private int position;

  private ByteCursor(byte[] data, int start, int end, String mode) {
    this.data = data;
    this.position = start;
    this.end = end;
    this.mode = mode;
  }

  /** The body of a {@code mode} stream that must start with {@code header} and end with a tail of that length. */
  static ByteCursor afterHeader(byte[] data, int header, int tailLength, String mode) {
    if (data.length < 1 + tailLength) {
      throw new IllegalArgumentException(mode + " stream of " + data.length + " bytes is shorter than its header and "
          + tailLength + "-byte tail");
    }
    if ((data[0] & 0xFF) != header) {
      throw new IllegalArgumentException(
          String.format("%s stream starts with 0x%02x instead of 0x%02x", mode, data[0] & 0xFF, header));
    }
    return new ByteCursor(data, 1, data.length - tailLength, mode);
  }

  /** The next byte, unsigned. */
  int next() {
    require(1);
    return data[position++] & 0xFF;
  }

  byte[] next(int length) {
    require(length);
    position += length;
    return Arrays.copyOfRange(data, position - length, position);
  }

  /** An unsigned LEB128 ("varint-7") value of at most 32 bits. */
  int varint() {
    long value = 0;
    for (int i = 0; i < MAX_VARINT_BYTES; i++) {
      int group = next();
      value |= (long) (group & 0x7F) << (7 * i);
      if (group < 0x80) {
        if (value > 0xFFFF_FFFFL) {
          throw new IllegalArgumentException(mode + " stream has a varint beyond 32 bits before byte " + position);
        }
        return (int) value;
      }
    }
    throw new IllegalArgumentException(mode + " stream has a varint longer than 5 bytes before byte " + position);
  }

  /** Decoding must end exactly where the tail starts: the stream has no room for anything else. */
  void expectConsumed() {
    if (position != end) {
      throw new IllegalArgumentException(mode + " stream has " + (end - position) + " bytes left before its tail");
    }
  }

  private void require(int length) {
    if (length > end - position) {
      throw new IllegalArgumentException(mode + " stream ends early: " + length + " more bytes needed at byte "
          + position + " of " + end + " before its tail");
    }
  }
}
