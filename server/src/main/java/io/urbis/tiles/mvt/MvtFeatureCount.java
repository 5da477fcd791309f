package io.urbis.tiles.mvt;

/**
 * How many features a Mapbox Vector Tile holds, all layers together: the tile's layers (field 3) and their features
 * (field 2) counted by walking the protobuf wire format without decoding anything else.
 */
public final class MvtFeatureCount {

  private static final int TILE_LAYERS = 3;
  private static final int LAYER_FEATURES = 2;
  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;
  private static final int FIXED32 = 5;

  private final byte[] bytes;
  private int position;

  private MvtFeatureCount(byte[] bytes, int start) {
    this.bytes = bytes;
    this.position = start;
  }

  public static long of(byte[] tile) {
    long features = 0;
    MvtFeatureCount message = new MvtFeatureCount(tile, 0);
    while (message.position < tile.length) {
      long tag = message.varint();
      if ((tag >>> 3) == TILE_LAYERS && (tag & 7) == LENGTH_DELIMITED) {
        int length = (int) message.varint();
        features += new MvtFeatureCount(tile, message.position).features(message.position + length);
        message.position += length;
      } else {
        message.skip((int) (tag & 7));
      }
    }
    return features;
  }

  /** The features of the layer message that ends at {@code end}. */
  private long features(int end) {
    long features = 0;
    while (position < end) {
      long tag = varint();
      if ((tag >>> 3) == LAYER_FEATURES) {
        features++;
      }
      skip((int) (tag & 7));
    }
    return features;
  }

  private void skip(int wireType) {
    switch (wireType) {
      case VARINT -> varint();
      case FIXED64 -> position += 8;
      case LENGTH_DELIMITED -> {
        int length = (int) varint();
        position += length;
      }
      case FIXED32 -> position += 4;
      default -> throw new IllegalArgumentException("not a vector tile: wire type " + wireType);
    }
  }

  private long varint() {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = bytes[position++];
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
  }
}
