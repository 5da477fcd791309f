package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A GLB read back for tests: header and chunks checked, accessors and property values decoded. */
record GlbFile(JsonNode json, byte[] binary, int jsonChunkLength) {

  static GlbFile read(byte[] file) throws Exception {
    ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(GlbWriter.MAGIC, in.getInt());
    assertEquals(2, in.getInt());
    assertEquals(file.length, in.getInt());
    int jsonLength = in.getInt();
    assertEquals(GlbWriter.JSON_CHUNK, in.getInt());
    String json = new String(file, 20, jsonLength, StandardCharsets.UTF_8);
    in.position(20 + jsonLength);
    int binaryLength = in.getInt();
    assertEquals(GlbWriter.BIN_CHUNK, in.getInt());
    byte[] binary = Arrays.copyOfRange(file, 28 + jsonLength, 28 + jsonLength + binaryLength);
    assertEquals(file.length, 28 + jsonLength + binaryLength);
    return new GlbFile(new ObjectMapper().readTree(json), binary, jsonLength);
  }

  /** The float values of an accessor, tightly packed. */
  float[] floats(int accessor) {
    JsonNode a = json.get("accessors").get(accessor);
    int components = a.get("type").asText().equals("VEC3") ? 3 : 1;
    ByteBuffer view = view(a.get("bufferView").asInt());
    float[] values = new float[a.get("count").asInt() * components];
    for (int i = 0; i < values.length; i++) {
      values[i] = view.getFloat();
    }
    return values;
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

  /** The node translation, in glTF's Y-up axes. */
  double[] translation() {
    JsonNode t = json.get("nodes").get(0).get("translation");
    return new double[] {t.get(0).asDouble(), t.get(1).asDouble(), t.get(2).asDouble()};
  }

  private ByteBuffer view(int index) {
    JsonNode view = json.get("bufferViews").get(index);
    return ByteBuffer.wrap(binary, view.get("byteOffset").asInt(), view.get("byteLength").asInt()).slice()
        .order(ByteOrder.LITTLE_ENDIAN);
  }
}
