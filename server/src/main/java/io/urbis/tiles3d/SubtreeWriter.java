package io.urbis.tiles3d;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Writes a binary subtree file (3D Tiles 1.1, implicit tiling): a 24-byte header (magic "subt", version 1, JSON
 * and binary lengths), the JSON padded with spaces to 8 bytes, then the bitstreams and the metadata, each starting on
 * an 8-byte boundary. The metadata are the regions of the loose quadtree ({@link TileIndex}): one property table of
 * the class {@link #TILE_CLASS} gives each available tile its region (semantic {@code TILE_BOUNDING_REGION}), which
 * takes the place of the region implicit tiling would give it, and one of {@link #CONTENT_CLASS} each content its own
 * ({@code CONTENT_BOUNDING_REGION}); both in the order of the availability bits. The tileset defines both classes
 * ({@link TilesetWriter}).
 */
public final class SubtreeWriter {

  static final int HEADER_BYTES = 24;
  static final String TILE_CLASS = "tile";
  static final String CONTENT_CLASS = "content";
  static final String REGION_PROPERTY = "boundingRegion";
  private static final int ALIGNMENT = 8;

  private SubtreeWriter() {}

  /** The subtree whose root is {@code root}, which must start a subtree. */
  public static byte[] write(TileIndex index, TileId root) {
    int levels = TilingScheme.SUBTREE_LEVELS;
    int tileCount = (int) Morton.levelOffset(levels);
    Availability tiles = new Availability(new BitSet(tileCount), tileCount);
    Availability content = new Availability(new BitSet(tileCount), tileCount);
    TileId[] tilesByBit = new TileId[tileCount];
    for (int level = 0; level < levels; level++) {
      long side = 1L << level;
      for (long dx = 0; dx < side; dx++) {
        for (long dy = 0; dy < side; dy++) {
          TileId tile = root.descendant(level, dx, dy);
          int bit = (int) (Morton.levelOffset(level) + Morton.index(dx, dy));
          tilesByBit[bit] = tile;
          tiles.bits().set(bit, index.isAvailable(tile));
          content.bits().set(bit, index.hasContent(tile));
        }
      }
    }
    List<Region> tileRegions = new ArrayList<>();
    List<Region> contentRegions = new ArrayList<>();
    for (int bit = 0; bit < tileCount; bit++) {
      if (tiles.bits().get(bit)) {
        tileRegions.add(index.tileRegion(tilesByBit[bit]));
      }
      if (content.bits().get(bit)) {
        contentRegions.add(index.contentRegion(tilesByBit[bit]));
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
    return encode(tiles, content, children, tileRegions, contentRegions);
  }

  private static byte[] encode(Availability tiles, Availability content, Availability children,
      List<Region> tileRegions, List<Region> contentRegions) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode json = nodes.objectNode();
    ArrayNode views = nodes.arrayNode();
    ByteArrayOutputStream binary = new ByteArrayOutputStream();
    json.set("tileAvailability", describe(tiles, views, binary));
    json.putArray("contentAvailability").add(describe(content, views, binary));
    json.set("childSubtreeAvailability", describe(children, views, binary));
    // a property table has at least one row: a subtree without tiles or contents has none of their metadata
    ArrayNode tables = nodes.arrayNode();
    if (!tileRegions.isEmpty()) {
      json.put("tileMetadata", tables.size());
      tables.add(regionTable(TILE_CLASS, tileRegions, views, binary));
    }
    if (!contentRegions.isEmpty()) {
      json.putArray("contentMetadata").add(tables.size());
      tables.add(regionTable(CONTENT_CLASS, contentRegions, views, binary));
    }
    if (!tables.isEmpty()) {
      json.set("propertyTables", tables);
    }
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
    return node.put("bitstream", view(availability.bytes(), views, binary))
        .put("availableCount", availability.availableCount());
  }

  /** Appends the bytes to {@code binary}, padded to 8 bytes, and their buffer view to views; returns its index. */
  private static int view(byte[] bytes, ArrayNode views, ByteArrayOutputStream binary) {
    views.addObject().put("buffer", 0).put("byteOffset", binary.size()).put("byteLength", bytes.length);
    binary.writeBytes(padded(bytes, (byte) 0));
    return views.size() - 1;
  }

  /** A property table of one region (six FLOAT64: radians, then metres) per row, its values appended to binary. */
  private static ObjectNode regionTable(String className, List<Region> regions, ArrayNode views,
      ByteArrayOutputStream binary) {
    ByteBuffer values = ByteBuffer.allocate(6 * Double.BYTES * regions.size()).order(ByteOrder.LITTLE_ENDIAN);
    for (Region region : regions) {
      for (double value : region.radians()) {
        values.putDouble(value);
      }
    }
    ObjectNode table = JsonNodeFactory.instance.objectNode().put("class", className).put("count", regions.size());
    table.putObject("properties").putObject(REGION_PROPERTY).put("values", view(values.array(), views, binary));
    return table;
  }

  /** The bytes followed by {@code pad} up to the next multiple of 8. */
  static byte[] padded(byte[] bytes, byte pad) {
    int length = (bytes.length + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    byte[] out = Arrays.copyOf(bytes, length);
    Arrays.fill(out, bytes.length, length, pad);
    return out;
  }
}
