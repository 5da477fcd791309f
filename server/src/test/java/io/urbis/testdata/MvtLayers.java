package io.urbis.testdata;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Mapbox Vector Tile read back for tests (specification 2.1): each layer's name, keys and features with their id and
 * properties. Geometries are skipped.
 */
public record MvtLayers(List<Layer> layers) {

  /** One layer: its name, every key it declares, and its features. */
  public record Layer(String name, List<String> keys, List<Feature> features) {}

  /** One feature: its id (null without one) and its properties by key. */
  public record Feature(Long id, Map<String, Object> properties) {}

  public static MvtLayers read(byte[] tile) {
    List<Layer> layers = new ArrayList<>();
    Message message = new Message(ByteBuffer.wrap(tile));
    while (message.hasField()) {
      if (message.field() == 3) {
        layers.add(layer(message.bytes()));
      } else {
        message.skip();
      }
    }
    return new MvtLayers(layers);
  }

  private static Layer layer(ByteBuffer bytes) {
    String name = null;
    List<String> keys = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    List<ByteBuffer> features = new ArrayList<>();
    Message message = new Message(bytes);
    while (message.hasField()) {
      switch (message.field()) {
        case 1 -> name = message.text();
        case 2 -> features.add(message.bytes());
        case 3 -> keys.add(message.text());
        case 4 -> values.add(value(message.bytes()));
        default -> message.skip();
      }
    }
    List<Feature> read = new ArrayList<>();
    for (ByteBuffer feature : features) {
      read.add(feature(feature, keys, values));
    }
    return new Layer(name, keys, read);
  }

  private static Feature feature(ByteBuffer bytes, List<String> keys, List<Object> values) {
    Long id = null;
    Map<String, Object> properties = new LinkedHashMap<>();
    Message message = new Message(bytes);
    while (message.hasField()) {
      if (message.field() == 1) {
        id = message.varint();
      } else if (message.field() == 2) {
        Message tags = new Message(message.bytes());
        while (tags.buffer.hasRemaining()) {
          properties.put(keys.get((int) tags.varint()), values.get((int) tags.varint()));
        }
      } else {
        message.skip();
      }
    }
    return new Feature(id, properties);
  }

  private static Object value(ByteBuffer bytes) {
    Message message = new Message(bytes);
    message.hasField();
    return switch (message.field()) {
      case 1 -> message.text();
      case 2 -> message.buffer.order(ByteOrder.LITTLE_ENDIAN).getFloat();
      case 3 -> message.buffer.order(ByteOrder.LITTLE_ENDIAN).getDouble();
      case 4, 5 -> message.varint();
      case 6 -> {
        long zigzag = message.varint();
        yield (zigzag >>> 1) ^ -(zigzag & 1);
      }
      case 7 -> message.varint() != 0;
      default -> throw new IllegalArgumentException("not a value of the MVT specification: field " + message.field());
    };
  }

  /** Protocol buffer fields, one after another: a key (field number and wire type), then the value. */
  private static final class Message {

    private final ByteBuffer buffer;
    private long key;

    Message(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    boolean hasField() {
      if (!buffer.hasRemaining()) {
        return false;
      }
      key = varint();
      return true;
    }

    int field() {
      return (int) (key >>> 3);
    }

    long varint() {
      long value = 0;
      for (int shift = 0; ; shift += 7) {
        byte next = buffer.get();
        value |= (long) (next & 0x7f) << shift;
        if (next >= 0) {
          return value;
        }
      }
    }

    ByteBuffer bytes() {
      int length = (int) varint();
      ByteBuffer slice = buffer.slice(buffer.position(), length);
      buffer.position(buffer.position() + length);
      return slice;
    }

    String text() {
      return StandardCharsets.UTF_8.decode(bytes()).toString();
    }

    void skip() {
      switch ((int) (key & 7)) {
        case 0 -> varint();
        case 1 -> buffer.position(buffer.position() + 8);
        case 2 -> bytes();
        case 5 -> buffer.position(buffer.position() + 4);
        default -> throw new IllegalArgumentException("not a protocol buffer wire type: " + (key & 7));
      }
    }
  }
}
