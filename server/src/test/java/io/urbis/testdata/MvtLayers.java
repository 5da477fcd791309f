package io.urbis.testdata;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * A Mapbox Vector Tile read back for tests (specification 2.1): each layer's name, keys and features with their id,
 * properties and geometry (in tile units: x right, y down, 0 to the layer's extent across the tile).
 */
public record MvtLayers(List<Layer> layers) {

  /** One layer: its name, every key it declares, and its features. */
  public record Layer(String name, List<String> keys, List<Feature> features) {}

  /** One feature: its id (null without one), its properties by key and its geometry in tile units. */
  public record Feature(Long id, Map<String, Object> properties, Geometry geometry) {}

  private static final GeometryFactory GEOMETRIES = new GeometryFactory();

  /**
   * Property values as a tile and JDBC both give them, for comparing: numbers as doubles, booleans and text as they
   * are, anything else (dates) as its text; nulls left out, as tiles leave them out.
   */
  public static Map<String, Object> comparable(Map<String, Object> values) {
    Map<String, Object> comparable = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      if (value != null) {
        comparable.put(key, value instanceof Number number ? (Object) number.doubleValue()
            : value instanceof Boolean || value instanceof String ? value : value.toString());
      }
    });
    return comparable;
  }

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
    long type = 0;
    List<Long> commands = new ArrayList<>();
    Message message = new Message(bytes);
    while (message.hasField()) {
      if (message.field() == 1) {
        id = message.varint();
      } else if (message.field() == 2) {
        Message tags = new Message(message.bytes());
        while (tags.buffer.hasRemaining()) {
          properties.put(keys.get((int) tags.varint()), values.get((int) tags.varint()));
        }
      } else if (message.field() == 3) {
        type = message.varint();
      } else if (message.field() == 4) {
        Message packed = new Message(message.bytes());
        while (packed.buffer.hasRemaining()) {
          commands.add(packed.varint());
        }
      } else {
        message.skip();
      }
    }
    return new Feature(id, properties, geometry(type, commands));
  }

  /** The geometry of MVT commands (specification 4.3): points, lines, or polygons of an exterior ring and holes. */
  private static Geometry geometry(long type, List<Long> commands) {
    List<List<Coordinate>> paths = new ArrayList<>();
    int x = 0;
    int y = 0;
    int i = 0;
    while (i < commands.size()) {
      long command = commands.get(i++);
      int id = (int) (command & 7);
      int count = (int) (command >>> 3);
      if (id == 7) {
        List<Coordinate> ring = paths.get(paths.size() - 1);
        ring.add(new Coordinate(ring.get(0)));
        continue;
      }
      for (int n = 0; n < count; n++) {
        x += zigzag(commands.get(i++));
        y += zigzag(commands.get(i++));
        if (id == 1) {
          paths.add(new ArrayList<>());
        }
        paths.get(paths.size() - 1).add(new Coordinate(x, y));
      }
    }
    return switch ((int) type) {
      case 1 -> GEOMETRIES.createMultiPointFromCoords(paths.stream().map(p -> p.get(0)).toArray(Coordinate[]::new));
      case 2 -> GEOMETRIES.buildGeometry(paths.stream()
          .map(p -> GEOMETRIES.createLineString(p.toArray(Coordinate[]::new))).toList());
      case 3 -> polygons(paths);
      default -> GEOMETRIES.createGeometryCollection();
    };
  }

  /** Rings of positive area (in tile units, y down) begin a polygon, the negative ones after it are its holes. */
  private static Geometry polygons(List<List<Coordinate>> rings) {
    List<Polygon> polygons = new ArrayList<>();
    LinearRing shell = null;
    List<LinearRing> holes = new ArrayList<>();
    for (List<Coordinate> points : rings) {
      LinearRing ring = GEOMETRIES.createLinearRing(points.toArray(Coordinate[]::new));
      if (Orientation.isCCW(ring.getCoordinateSequence())) {
        if (shell != null) {
          polygons.add(GEOMETRIES.createPolygon(shell, holes.toArray(LinearRing[]::new)));
        }
        shell = ring;
        holes = new ArrayList<>();
      } else {
        holes.add(ring);
      }
    }
    if (shell != null) {
      polygons.add(GEOMETRIES.createPolygon(shell, holes.toArray(LinearRing[]::new)));
    }
    return GEOMETRIES.buildGeometry(polygons);
  }

  private static int zigzag(long value) {
    return (int) ((value >>> 1) ^ -(value & 1));
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
