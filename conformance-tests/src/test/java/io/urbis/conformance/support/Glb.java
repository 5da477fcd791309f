package io.urbis.conformance.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A binary glTF 2.0 file (GLB: header, JSON chunk, BIN chunk) read independently of the server's writer, far enough
 * to read the string columns of its property tables (3D Tiles 1.1, EXT_structural_metadata), such as feature ids.
 *
 * @param json the JSON chunk
 * @param bin the BIN chunk (empty when there is none)
 */
public record Glb(JsonNode json, byte[] bin) {

  private static final int MAGIC = 0x46546C67;
  private static final int JSON_CHUNK = 0x4E4F534A;
  private static final int BIN_CHUNK = 0x004E4942;

  public static Glb decode(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(MAGIC, buffer.getInt(), "not a GLB: no glTF magic");
    assertEquals(2, buffer.getInt(), "GLB version");
    assertEquals(bytes.length, buffer.getInt(), "the GLB header's length");
    JsonNode json = null;
    byte[] bin = new byte[0];
    while (buffer.remaining() >= 8) {
      int length = buffer.getInt();
      int type = buffer.getInt();
      byte[] chunk = new byte[length];
      buffer.get(chunk);
      if (type == JSON_CHUNK) {
        json = Json.parse(new String(chunk, StandardCharsets.UTF_8).strip());
      } else if (type == BIN_CHUNK) {
        bin = chunk;
      }
    }
    if (json == null) {
      throw new AssertionError("the GLB has no JSON chunk");
    }
    return new Glb(json, bin);
  }

  /** The property tables of EXT_structural_metadata (none when the file has no metadata). */
  public List<JsonNode> propertyTables() {
    return Json.elements(json.at("/extensions/EXT_structural_metadata/propertyTables"));
  }

  /** The values of a STRING property of a property table, in feature order. */
  public List<String> strings(JsonNode propertyTable, String property) {
    JsonNode column = propertyTable.path("properties").path(property);
    if (column.isMissingNode()) {
      throw new AssertionError("the property table has no property '" + property + "': " + propertyTable);
    }
    int count = propertyTable.path("count").asInt();
    byte[] values = bufferView(column.path("values").asInt());
    ByteBuffer offsets = ByteBuffer.wrap(bufferView(column.path("stringOffsets").asInt()))
        .order(ByteOrder.LITTLE_ENDIAN);
    String offsetType = column.path("stringOffsetType").asText("UINT32");
    List<String> strings = new ArrayList<>(count);
    long start = offset(offsets, offsetType);
    for (int i = 0; i < count; i++) {
      long end = offset(offsets, offsetType);
      strings.add(new String(values, (int) start, (int) (end - start), StandardCharsets.UTF_8));
      start = end;
    }
    return strings;
  }

  /** The bytes of a buffer view of the BIN chunk (buffer 0); compressed views (EXT_meshopt) are not read. */
  private byte[] bufferView(int index) {
    JsonNode view = json.path("bufferViews").path(index);
    if (view.path("buffer").asInt() != 0 || view.has("extensions")) {
      throw new AssertionError("buffer view " + index + " is not plain data of the BIN chunk: " + view);
    }
    int offset = view.path("byteOffset").asInt(0);
    return Arrays.copyOfRange(bin, offset, offset + view.path("byteLength").asInt());
  }

  private static long offset(ByteBuffer offsets, String type) {
    return switch (type) {
      case "UINT8" -> Byte.toUnsignedLong(offsets.get());
      case "UINT16" -> Short.toUnsignedLong(offsets.getShort());
      case "UINT32" -> Integer.toUnsignedLong(offsets.getInt());
      case "UINT64" -> offsets.getLong();
      default -> throw new AssertionError("unknown stringOffsetType " + type);
    };
  }
}
