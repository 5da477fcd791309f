package io.urbis.tiles3d.meshopt;

/** The zigzag code of the bitstreams: 0, 1, 2, 3, 4 stand for 0, -1, 1, -2, 2. */
final class Zigzag {

  private Zigzag() {}

  static int decode(int value) {
    return (value & 1) != 0 ? ~(value >>> 1) : value >>> 1;
  }
}
