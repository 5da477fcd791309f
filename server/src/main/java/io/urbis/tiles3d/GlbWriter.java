package io.urbis.tiles3d;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a tile's content as binary glTF 2.0: a 12-byte header, the JSON chunk padded with spaces and the BIN chunk
 * padded with zeros, each a multiple of 4 bytes (8 here). One node carries the tile centre as a float64
 * translation (in glTF's Y-up axes), one mesh holds a primitive per surface kind, and every vertex carries the row of
 * its feature in the EXT_structural_metadata property table (EXT_mesh_features).
 */
final class GlbWriter {

  static final int MAGIC = 0x46546C67; // "glTF"
  static final int JSON_CHUNK = 0x4E4F534A;
  static final int BIN_CHUNK = 0x004E4942;
  private static final int FLOAT = 5126;
  private static final int UNSIGNED_SHORT = 5123;
  private static final int UNSIGNED_INT = 5125;
  private static final int TRIANGLES = 4;

  private GlbWriter() {}

  /**
   * The GLB of the meshes (by surface), placed at {@code centre} (ECEF, Z-up), with the feature table.
   */
  static byte[] write(Map<Surface, MeshBuilder> meshes, double[] centre, PropertyTable table) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode gltf = nodes.objectNode();
    gltf.putObject("asset").put("version", "2.0").put("generator", "Urbis");
    gltf.putArray("extensionsUsed").add("EXT_mesh_features").add("EXT_structural_metadata");
    GlbBuffer buffer = new GlbBuffer();
    ArrayNode accessors = nodes.arrayNode();
    ArrayNode materials = nodes.arrayNode();
    ArrayNode primitives = nodes.arrayNode();
    for (Map.Entry<Surface, MeshBuilder> entry : meshes.entrySet()) {
      if (!entry.getValue().isEmpty()) {
        primitives.add(primitive(entry.getValue(), materials.size(), buffer, accessors));
        materials.add(material(entry.getKey()));
      }
    }
    gltf.put("scene", 0);
    ObjectNode scene = gltf.putArray("scenes").addObject();
    if (!primitives.isEmpty()) {
      scene.putArray("nodes").add(0);
      ObjectNode node = gltf.putArray("nodes").addObject().put("mesh", 0);
      // Y-up: glTF (x, y, z) is ECEF (X, Z, -Y)
      node.putArray("translation").add(centre[0]).add(centre[2]).add(-centre[1]);
      gltf.putArray("meshes").addObject().set("primitives", primitives);
      gltf.set("materials", materials);
      gltf.set("accessors", accessors);
    }
    gltf.putObject("extensions").set("EXT_structural_metadata", table.extension(buffer));
    byte[] binary = buffer.toByteArray();
    gltf.set("bufferViews", buffer.views());
    gltf.putArray("buffers").addObject().put("byteLength", binary.length);
    return glb(SubtreeWriter.padded(gltf.toString().getBytes(StandardCharsets.UTF_8), (byte) ' '), binary);
  }

  private static byte[] glb(byte[] json, byte[] binary) {
    int length = 12 + 8 + json.length + 8 + binary.length;
    ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(MAGIC).putInt(2).putInt(length);
    out.putInt(json.length).putInt(JSON_CHUNK).put(json);
    out.putInt(binary.length).putInt(BIN_CHUNK).put(binary);
    return out.array();
  }

  private static ObjectNode primitive(MeshBuilder mesh, int material, GlbBuffer buffer, ArrayNode accessors) {
    ObjectNode primitive = JsonNodeFactory.instance.objectNode();
    ObjectNode attributes = primitive.putObject("attributes");
    float[] positions = mesh.positions();
    ObjectNode position = vertexAccessor(accessors, buffer, positions, "VEC3");
    putBounds(position, positions);
    attributes.put("POSITION", accessors.size() - 1);
    vertexAccessor(accessors, buffer, mesh.normals(), "VEC3");
    attributes.put("NORMAL", accessors.size() - 1);
    vertexAccessor(accessors, buffer, mesh.featureIds(), "SCALAR");
    attributes.put("_FEATURE_ID_0", accessors.size() - 1);
    primitive.put("indices", indexAccessor(accessors, buffer, mesh.indices(), mesh.vertexCount()));
    primitive.put("material", material).put("mode", TRIANGLES);
    primitive.putObject("extensions").putObject("EXT_mesh_features").putArray("featureIds").addObject()
        .put("featureCount", mesh.featureCount()).put("attribute", 0).put("propertyTable", 0);
    return primitive;
  }

  private static ObjectNode vertexAccessor(ArrayNode accessors, GlbBuffer buffer, float[] values, String type) {
    ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float value : values) {
      bytes.putFloat(value);
    }
    int view = buffer.addView(bytes.array(), GlbBuffer.ARRAY_BUFFER);
    int components = type.equals("VEC3") ? 3 : 1;
    return accessors.addObject().put("bufferView", view).put("componentType", FLOAT)
        .put("count", values.length / components).put("type", type);
  }

  /** 16-bit indices while the vertices allow (65535 is the restart value), else 32-bit. */
  private static int indexAccessor(ArrayNode accessors, GlbBuffer buffer, int[] indices, int vertexCount) {
    boolean small = vertexCount < 65535;
    ByteBuffer bytes = ByteBuffer.allocate((small ? 2 : 4) * indices.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int index : indices) {
      if (small) {
        bytes.putShort((short) index);
      } else {
        bytes.putInt(index);
      }
    }
    int view = buffer.addView(bytes.array(), GlbBuffer.ELEMENT_ARRAY_BUFFER);
    accessors.addObject().put("bufferView", view).put("componentType", small ? UNSIGNED_SHORT : UNSIGNED_INT)
        .put("count", indices.length).put("type", "SCALAR");
    return accessors.size() - 1;
  }

  /** POSITION needs min and max: the float32 values themselves, written exactly, so readers find them equal. */
  private static void putBounds(ObjectNode accessor, float[] positions) {
    float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
    float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
    for (int i = 0; i < positions.length; i++) {
      min[i % 3] = Math.min(min[i % 3], positions[i]);
      max[i % 3] = Math.max(max[i % 3], positions[i]);
    }
    ArrayNode minNode = accessor.putArray("min");
    ArrayNode maxNode = accessor.putArray("max");
    for (int axis = 0; axis < 3; axis++) {
      minNode.add((double) min[axis]);
      maxNode.add((double) max[axis]);
    }
  }

  private static ObjectNode material(Surface surface) {
    ObjectNode material = JsonNodeFactory.instance.objectNode().put("name", surface.materialName());
    ArrayNode color = material.putObject("pbrMetallicRoughness").put("metallicFactor", 0.0)
        .put("roughnessFactor", 1.0).putArray("baseColorFactor");
    for (double c : surface.color()) {
      color.add(c);
    }
    // faces of source data may wind either way: show both sides rather than lose walls
    material.put("doubleSided", true);
    return material;
  }
}
