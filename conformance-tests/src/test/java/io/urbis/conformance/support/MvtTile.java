package io.urbis.conformance.support;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Mapbox Vector Tile (specification 2.1) decoded from its protobuf bytes, independently of the server's encoder:
 * layers, features with id, attributes, type and geometry as rings/lines/points of integer tile coordinates.
 */
public record MvtTile(List<MvtLayer> layers) {

  public static MvtTile decode(byte[] bytes) {
    List<MvtLayer> layers = new ArrayList<>();
    Reader tile = new Reader(bytes);
    while (tile.hasMore()) {
      long tag = tile.varint();
      if (tag >>> 3 == 3 && (tag & 7) == 2) {
        layers.add(layer(tile.bytes()));
      } else {
        tile.skip(tag);
      }
    }
    return new MvtTile(layers);
  }

  public MvtLayer layer(String name) {
    return layers.stream().filter(layer -> layer.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no layer '" + name + "' in the tile; layers: "
            + layers.stream().map(MvtLayer::name).toList()));
  }

  private static MvtLayer layer(byte[] bytes) {
    Reader reader = new Reader(bytes);
    String name = null;
    long version = 1;
    long extent = 4096;
    List<byte[]> features = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    while (reader.hasMore()) {
      long tag = reader.varint();
      switch ((int) (tag >>> 3)) {
        case 1 -> name = new String(reader.bytes(), StandardCharsets.UTF_8);
        case 2 -> features.add(reader.bytes());
        case 3 -> keys.add(new String(reader.bytes(), StandardCharsets.UTF_8));
        case 4 -> values.add(value(reader.bytes()));
        case 5 -> extent = reader.varint();
        case 15 -> version = reader.varint();
        default -> reader.skip(tag);
      }
    }
    List<MvtFeature> decoded = new ArrayList<>();
    for (byte[] feature : features) {
      decoded.add(feature(feature, keys, values));
    }
    return new MvtLayer(name, (int) version, (int) extent, decoded);
  }

  private static Object value(byte[] bytes) {
    Reader reader = new Reader(bytes);
    long tag = reader.varint();
    return switch ((int) (tag >>> 3)) {
      case 1 -> new String(reader.bytes(), StandardCharsets.UTF_8);
      case 2 -> (double) Float.intBitsToFloat(reader.fixed32());
      case 3 -> Double.longBitsToDouble(reader.fixed64());
      case 4, 5 -> reader.varint();
      case 6 -> {
        long zigzag = reader.varint();
        yield (zigzag >>> 1) ^ -(zigzag & 1);
      }
      case 7 -> reader.varint() != 0;
      default -> throw new AssertionError("unknown value field " + (tag >>> 3));
    };
  }

  private static MvtFeature feature(byte[] bytes, List<String> keys, List<Object> values) {
    Reader reader = new Reader(bytes);
    Long id = null;
    int type = 0;
    Map<String, Object> attributes = new LinkedHashMap<>();
    List<Long> commands = new ArrayList<>();
    while (reader.hasMore()) {
      long tag = reader.varint();
      switch ((int) (tag >>> 3)) {
        case 1 -> id = reader.varint();
        case 2 -> {
          List<Long> tags = reader.packed();
          for (int i = 0; i + 1 < tags.size(); i += 2) {
            attributes.put(keys.get(tags.get(i).intValue()), values.get(tags.get(i + 1).intValue()));
          }
        }
        case 3 -> type = (int) reader.varint();
        case 4 -> commands = reader.packed();
        default -> reader.skip(tag);
      }
    }
    return new MvtFeature(id, type, attributes, parts(commands));
  }

  /** Each MoveTo starts a part: a point, a line or a ring (closed by ClosePath), in tile coordinates. */
  private static List<List<long[]>> parts(List<Long> commands) {
    List<List<long[]>> parts = new ArrayList<>();
    long x = 0;
    long y = 0;
    int i = 0;
    List<long[]> current = null;
    while (i < commands.size()) {
      long command = commands.get(i++);
      int id = (int) (command & 7);
      long count = command >>> 3;
      if (id == 7) {
        current.add(current.get(0));
        continue;
      }
      for (long n = 0; n < count; n++) {
        x += zigZag(commands.get(i++));
        y += zigZag(commands.get(i++));
        if (id == 1) {
          current = new ArrayList<>();
          parts.add(current);
        }
        current.add(new long[] {x, y});
      }
    }
    return parts;
  }

  private static long zigZag(long value) {
    return (value >>> 1) ^ -(value & 1);
  }

  /** One layer: {@code version} 2 and an {@code extent} of tile units across. */
  public record MvtLayer(String name, int version, int extent, List<MvtFeature> features) {}

  /**
   * One feature.
   *
   * @param type 1 point, 2 line string, 3 polygon
   * @param parts points, lines or rings in tile units (x right, y down)
   */
  public record MvtFeature(Long id, int type, Map<String, Object> attributes, List<List<long[]>> parts) {}

  /** Protobuf wire format reading. */
  private static final class Reader {

    private final ByteBuffer buffer;

    Reader(byte[] bytes) {
      this.buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    boolean hasMore() {
      return buffer.hasRemaining();
    }

    long varint() {
      long value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = buffer.get();
        value |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
      throw new AssertionError("malformed varint");
    }

    byte[] bytes() {
      byte[] bytes = new byte[(int) varint()];
      buffer.get(bytes);
      return bytes;
    }

    int fixed32() {
      return buffer.getInt();
    }

    long fixed64() {
      return buffer.getLong();
    }

    List<Long> packed() {
      Reader inner = new Reader(bytes());
      List<Long> values = new ArrayList<>();
      while (inner.hasMore()) {
        values.add(inner.varint());
      }
      return values;
    }

    void skip(long tag) {
      switch ((int) (tag & 7)) {
        case 0 -> varint();
        case 1 -> fixed64();
        case 2 -> bytes();
        case 5 -> fixed32();
        default -> throw new AssertionError("unknown wire type " + (tag & 7));
      }
    }
  }
}
