package io.urbis.tiles.mvt;

/** Encodes one entry of a layer's value table (specification 4.1, message Value) as PostGIS' ST_AsMVT does. */
final class MvtValues {

  private static final int STRING_VALUE = 1;
  private static final int DOUBLE_VALUE = 3;
  private static final int INT_VALUE = 4;
  private static final int SINT_VALUE = 6;
  private static final int BOOL_VALUE = 7;

  private MvtValues() {}

  /** A String, Boolean, Long or Double. */
  static byte[] encode(Object value) {
    ProtobufWriter writer = new ProtobufWriter();
    if (value instanceof String text) {
      writer.stringField(STRING_VALUE, text);
    } else if (value instanceof Boolean flag) {
      writer.varintField(BOOL_VALUE, flag ? 1 : 0);
    } else if (value instanceof Long number && number >= 0) {
      writer.varintField(INT_VALUE, number);
    } else if (value instanceof Long number) {
      writer.varintField(SINT_VALUE, (number << 1) ^ (number >> 63));
    } else {
      writer.doubleField(DOUBLE_VALUE, (Double) value);
    }
    return writer.toByteArray();
  }
}
