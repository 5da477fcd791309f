package io.urbis.tiles3d;

import java.util.BitSet;

/**
 * One availability of a subtree (tiles, content or child subtrees): a bitstream in Morton order, or the constant 0
 * when no bit is set. All ones are written as a bitstream too, though the spec allows the constant 1: loaders.gl
 * 4.3, meeting an absent child subtree, reads the parent subtree's tile availability past its last level, and a
 * constant 1 makes it invent tiles there.
 */
record Availability(BitSet bits, int length) {

  int availableCount() {
    return bits.cardinality();
  }

  boolean isNone() {
    return availableCount() == 0;
  }

  /** The bitstream's bytes: bit i is bit (i mod 8) of byte i / 8, as 3D Tiles reads it. */
  byte[] bytes() {
    byte[] bytes = new byte[(length + 7) / 8];
    byte[] set = bits.toByteArray();
    System.arraycopy(set, 0, bytes, 0, Math.min(set.length, bytes.length));
    return bytes;
  }
}
