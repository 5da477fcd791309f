package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.tiles3d.meshopt.ExponentialFilter;
import io.urbis.tiles3d.meshopt.MeshoptDecoder;
import io.urbis.tiles3d.meshopt.MeshoptMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A GLB read back for tests: header and chunks checked, accessors and property values decoded. Buffer views
 * compressed with EXT_meshopt_compression read as their decoded bytes ({@code decodedViews}, by view index).
 */
record GlbFile(JsonNode json, byte[] binary, int jsonChunkLength, Map<Integer, byte[]> decodedViews) {

  private static final String MESHOPT = "EXT_meshopt_compression";
  private static final int UNSIGNED_BYTE = 5121;
  private static final int SHORT = 5122;

  static GlbFile read(byte[] file) throws Exception {
    ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(GlbWriter.MAGIC, in.getInt());
    assertEquals(2, in.getInt());
    assertEquals(file.length, in.getInt());
    int jsonLength = in.getInt();
    assertEquals(GlbWriter.JSON_CHUNK, in.getInt());
    String json = new String(file, 20, jsonLength, StandardCharsets.UTF_8);
    // the BIN chunk is optional
    byte[] binary = new byte[0];
    if (file.length > 20 + jsonLength) {
      in.position(20 + jsonLength);
      int binaryLength = in.getInt();
      assertEquals(GlbWriter.BIN_CHUNK, in.getInt());
      binary = Arrays.copyOfRange(file, 28 + jsonLength, 28 + jsonLength + binaryLength);
      assertEquals(file.length, 28 + jsonLength + binaryLength);
    }
    JsonNode gltf = new ObjectMapper().readTree(json);
    return new GlbFile(gltf, binary, jsonLength, decodedViews(gltf, binary));
  }

  /**
   * The compressed views, decoded. Their compressed bytes are in the BIN chunk (buffer 0) where the extension object
   * says; the view's own buffer is a fallback without data, so its byteOffset says nothing about the BIN chunk.
   */
  private static Map<Integer, byte[]> decodedViews(JsonNode json, byte[] binary) {
    Map<Integer, byte[]> decoded = new HashMap<>();
    JsonNode views = json.path("bufferViews");
    for (int i = 0; i < views.size(); i++) {
      JsonNode view = views.get(i);
      JsonNode compression = view.path("extensions").path(MESHOPT);
      if (compression.isMissingNode()) {
        continue;
      }
      assertEquals(0, compression.get("buffer").asInt(), "view " + i + " not compressed into the BIN chunk");
      String filter = compression.path("filter").asText("NONE");
      assertTrue(filter.equals("NONE") || filter.equals("EXPONENTIAL"), "view " + i + " filter " + filter);
      int byteStride = compression.get("byteStride").asInt();
      assertEquals(view.path("byteStride").asInt(byteStride), byteStride, "view " + i + " byteStride");
      int offset = compression.path("byteOffset").asInt(0);
      int length = compression.get("byteLength").asInt();
      assertTrue(offset + length <= binary.length, "view " + i + " compressed beyond the BIN chunk");
      byte[] bytes = MeshoptDecoder.decode(MeshoptMode.valueOf(compression.get("mode").asText()),
          Arrays.copyOfRange(binary, offset, offset + length), compression.get("count").asInt(), byteStride);
      assertEquals(view.get("byteLength").asInt(), bytes.length, "view " + i + " byteLength, decoded");
      decoded.put(i, filter.equals("EXPONENTIAL") ? ExponentialFilter.apply(bytes) : bytes);
    }
    return Map.copyOf(decoded);
  }

  /** The values of a vertex accessor as numbers, whatever their component type and stride; normalized ones scaled. */
  double[] values(int accessor) {
    JsonNode a = json.get("accessors").get(accessor);
    int components = a.get("type").asText().equals("VEC3") ? 3 : 1;
    int componentType = a.get("componentType").asInt();
    int size = switch (componentType) {
      case GlbWriter.BYTE, UNSIGNED_BYTE -> 1;
      case SHORT, GlbWriter.UNSIGNED_SHORT -> 2;
      default -> 4;
    };
    JsonNode viewJson = json.get("bufferViews").get(a.get("bufferView").asInt());
    int stride = viewJson.has("byteStride") ? viewJson.get("byteStride").asInt() : components * size;
    ByteBuffer view = view(a.get("bufferView").asInt());
    boolean normalized = a.path("normalized").asBoolean(false);
    double[] values = new double[a.get("count").asInt() * components];
    for (int i = 0; i < values.length; i++) {
      int at = (i / components) * stride + (i % components) * size;
      values[i] = switch (componentType) {
        case GlbWriter.BYTE -> normalized ? Math.max(view.get(at) / 127.0, -1) : view.get(at);
        case UNSIGNED_BYTE -> Byte.toUnsignedInt(view.get(at));
        case SHORT -> view.getShort(at);
        case GlbWriter.UNSIGNED_SHORT -> Short.toUnsignedInt(view.getShort(at));
        case GlbWriter.UNSIGNED_INT -> Integer.toUnsignedLong(view.getInt(at));
        case GlbWriter.FLOAT -> view.getFloat(at);
        default -> throw new IllegalArgumentException("component type " + componentType);
      };
    }
    return values;
  }

  /** A primitive's positions in ECEF (X, Y, Z in sequence): stored values through the node matrix, Y-up undone. */
  double[] ecefPositions(JsonNode primitive) {
    double[] local = values(primitive.at("/attributes/POSITION").asInt());
    JsonNode m = json.get("nodes").get(0).get("matrix");
    double[] ecef = new double[local.length];
    for (int i = 0; i < local.length; i += 3) {
      double[] world = new double[3];
      for (int row = 0; row < 3; row++) {
        world[row] = m.get(row).asDouble() * local[i] + m.get(4 + row).asDouble() * local[i + 1]
            + m.get(8 + row).asDouble() * local[i + 2] + m.get(12 + row).asDouble();
      }
      ecef[i] = world[0];
      ecef[i + 1] = -world[2];
      ecef[i + 2] = world[1];
    }
    return ecef;
  }

  int[] indices(int accessor) {
    JsonNode a = json.get("accessors").get(accessor);
    ByteBuffer view = view(a.get("bufferView").asInt());
    int[] values = new int[a.get("count").asInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = a.get("componentType").asInt() == 5123 ? Short.toUnsignedInt(view.getShort()) : view.getInt();
    }
    return values;
  }

  /** The strings of a STRING property of the first property table. */
  List<String> strings(String property) {
    JsonNode table = json.at("/extensions/EXT_structural_metadata/propertyTables/0");
    JsonNode column = table.get("properties").get(property);
    ByteBuffer offsets = view(column.get("stringOffsets").asInt());
    ByteBuffer values = view(column.get("values").asInt());
    List<String> strings = new ArrayList<>();
    int start = offsets.getInt();
    for (int i = 0; i < table.get("count").asInt(); i++) {
      int end = offsets.getInt();
      strings.add(new String(values.array(), values.arrayOffset() + start, end - start, StandardCharsets.UTF_8));
      start = end;
    }
    return strings;
  }

  /** The float64 values of a FLOAT64 property of the first property table. */
  double[] doubles(String property) {
    JsonNode table = json.at("/extensions/EXT_structural_metadata/propertyTables/0");
    ByteBuffer values = view(table.get("properties").get(property).get("values").asInt());
    double[] out = new double[table.get("count").asInt()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.getDouble();
    }
    return out;
  }

  /** A buffer view's bytes, decoded when compressed, little-endian. */
  ByteBuffer view(int index) {
    byte[] decoded = decodedViews.get(index);
    if (decoded != null) {
      return ByteBuffer.wrap(decoded).order(ByteOrder.LITTLE_ENDIAN);
    }
    JsonNode view = json.get("bufferViews").get(index);
    return ByteBuffer.wrap(binary, view.get("byteOffset").asInt(), view.get("byteLength").asInt()).slice()
        .order(ByteOrder.LITTLE_ENDIAN);
  }
}
