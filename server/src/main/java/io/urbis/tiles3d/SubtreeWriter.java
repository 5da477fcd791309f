package io.urbis.tiles3d;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Writes a binary subtree file (3D Tiles 1.1, implicit tiling): a 24-byte header (magic "subt", version 1, JSON
 * and binary lengths), the JSON padded with spaces to 8 bytes, then the bitstreams, each starting on an 8-byte
 * boundary.
 */
public final class SubtreeWriter {

  static final int HEADER_BYTES = 24;
  private static final int ALIGNMENT = 8;

  private SubtreeWriter() {}

  /** The subtree whose root is {@code root}, which must start a subtree. */
  public static byte[] write(TileIndex index, TileId root) {
    int levels = TilingScheme.SUBTREE_LEVELS;
    int tileCount = (int) Morton.levelOffset(levels);
    Availability tiles = new Availability(new BitSet(tileCount), tileCount);
    Availability content = new Availability(new BitSet(tileCount), tileCount);
    for (int level = 0; level < levels; level++) {
      long side = 1L << level;
      for (long dx = 0; dx < side; dx++) {
        for (long dy = 0; dy < side; dy++) {
          TileId tile = root.descendant(level, dx, dy);
          int bit = (int) (Morton.levelOffset(level) + Morton.index(dx, dy));
          tiles.bits().set(bit, index.isAvailable(tile));
          content.bits().set(bit, index.hasContent(tile));
        }
      }
    }
    int childCount = 1 << (2 * levels);
    Availability children = new Availability(new BitSet(childCount), childCount);
    long side = 1L << levels;
    for (long dx = 0; dx < side; dx++) {
      for (long dy = 0; dy < side; dy++) {
        TileId child = root.descendant(levels, dx, dy);
        children.bits().set((int) Morton.index(dx, dy), index.hasSubtree(child));
      }
    }
    return encode(tiles, content, children);
  }

  private static byte[] encode(Availability tiles, Availability content, Availability children) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode json = nodes.objectNode();
    ArrayNode views = nodes.arrayNode();
    ByteArrayOutputStream binary = new ByteArrayOutputStream();
    json.set("tileAvailability", describe(tiles, views, binary));
    json.putArray("contentAvailability").add(describe(content, views, binary));
    json.set("childSubtreeAvailability", describe(children, views, binary));
    if (!views.isEmpty()) {
      json.putArray("buffers").addObject().put("byteLength", binary.size());
      json.set("bufferViews", views);
    }
    byte[] jsonBytes = padded(json.toString().getBytes(StandardCharsets.UTF_8), (byte) ' ');
    byte[] binaryBytes = binary.toByteArray();
    ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + jsonBytes.length + binaryBytes.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    out.put("subt".getBytes(StandardCharsets.US_ASCII)).putInt(1).putLong(jsonBytes.length)
        .putLong(binaryBytes.length).put(jsonBytes).put(binaryBytes);
    return out.array();
  }

  /** The constant 0, or a bitstream appended to {@code binary} (8-byte aligned) with its buffer view. */
  private static ObjectNode describe(Availability availability, ArrayNode views, ByteArrayOutputStream binary) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (availability.isNone()) {
      return node.put("constant", 0);
    }
    byte[] bits = padded(availability.bytes(), (byte) 0);
    views.addObject().put("buffer", 0).put("byteOffset", binary.size()).put("byteLength", availability.bytes().length);
    binary.writeBytes(bits);
    return node.put("bitstream", views.size() - 1).put("availableCount", availability.availableCount());
  }

  /** The bytes followed by {@code pad} up to the next multiple of 8. */
  static byte[] padded(byte[] bytes, byte pad) {
    int length = (bytes.length + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    byte[] out = Arrays.copyOf(bytes, length);
    Arrays.fill(out, bytes.length, length, pad);
    return out;
  }
}
