package io.urbis.tiles.mvt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The few parts of the protobuf wire format a vector tile needs: varints, doubles and length-delimited fields. */
final class ProtobufWriter {

  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  void varintField(int field, long value) {
    tag(field, VARINT);
    varint(value);
  }

  void doubleField(int field, double value) {
    tag(field, FIXED64);
    long bits = Double.doubleToLongBits(value);
    for (int i = 0; i < 8; i++) {
      out.write((int) (bits >>> (8 * i)) & 0xFF);
    }
  }

  void stringField(int field, String value) {
    bytesField(field, value.getBytes(StandardCharsets.UTF_8));
  }

  void bytesField(int field, byte[] value) {
    tag(field, LENGTH_DELIMITED);
    varint(value.length);
    out.writeBytes(value);
  }

  /** A packed repeated field of unsigned 32-bit integers. */
  void packedField(int field, int[] values, int count) {
    ProtobufWriter packed = new ProtobufWriter();
    for (int i = 0; i < count; i++) {
      packed.varint(values[i] & 0xFFFFFFFFL);
    }
    bytesField(field, packed.toByteArray());
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void tag(int field, int wireType) {
    varint(((long) field << 3) | wireType);
  }

  private void varint(long value) {
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      out.write((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    out.write((int) rest);
  }
}
