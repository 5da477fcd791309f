package io.urbis.tiles3d;

import java.util.BitSet;

/**
 * One availability of a subtree (tiles, content or child subtrees): a bitstream in Morton order, or a constant
 * when every bit is the same.
 */
record Availability(BitSet bits, int length) {

  int availableCount() {
    return bits.cardinality();
  }

  boolean isConstant() {
    return availableCount() == 0 || availableCount() == length;
  }

  int constant() {
    return availableCount() == 0 ? 0 : 1;
  }

  /** The bitstream's bytes: bit i is bit (i mod 8) of byte i / 8, as 3D Tiles reads it. */
  byte[] bytes() {
    byte[] bytes = new byte[(length + 7) / 8];
    byte[] set = bits.toByteArray();
    System.arraycopy(set, 0, bytes, 0, Math.min(set.length, bytes.length));
    return bytes;
  }
}
