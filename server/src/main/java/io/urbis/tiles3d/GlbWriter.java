package io.urbis.tiles3d;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.urbis.tiles3d.meshopt.MeshoptView;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a tile's content as binary glTF 2.0: a 12-byte header, the JSON chunk padded with spaces and the BIN chunk
 * padded with zeros, each a multiple of 4 bytes (8 here). One node's matrix places the tile's local east-north-up
 * axes on the earth (float64, in glTF's Y-up axes); one mesh holds
 * a primitive (triangles, the default mode) per surface kind, all sharing one set of vertex attributes, and every
 * vertex carries the row of its feature in the EXT_structural_metadata property table (EXT_mesh_features).
 */
final class GlbWriter {

  static final int MAGIC = 0x46546C67; // "glTF"
  static final int JSON_CHUNK = 0x4E4F534A;
  static final int BIN_CHUNK = 0x004E4942;
  static final int BYTE = 5120;
  static final int UNSIGNED_SHORT = 5123;
  static final int UNSIGNED_INT = 5125;
  static final int FLOAT = 5126;
  private static final String QUANTIZATION = "KHR_mesh_quantization";
  private static final String MESH_FEATURES = "EXT_mesh_features";
  private static final String STRUCTURAL_METADATA = "EXT_structural_metadata";

  private GlbWriter() {}

  /**
   * The GLB of the tile's mesh (a primitive per surface kind), placed by {@code frame}, with the feature table; its
   * schema is at {@code schemaUri}. Vertex and index data are compressed when {@code compressed}.
   */
  static byte[] write(MeshBuilder mesh, LocalFrame frame, PropertyTable table, String schemaUri,
      boolean compressed) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode gltf = nodes.objectNode();
    gltf.putObject("asset").put("version", "2.0").put("generator", "Urbis");
    ArrayNode extensionsUsed = nodes.arrayNode();
    PositionGrid grid = PositionGrid.covering(mesh.positions());
    GlbBuffer buffer = new GlbBuffer();
    Views views = new Views(buffer, compressed);
    ArrayNode accessors = nodes.arrayNode();
    ArrayNode materials = nodes.arrayNode();
    ArrayNode primitives = nodes.arrayNode();
    if (!mesh.surfaces().isEmpty()) {
      extensionsUsed.add(MESH_FEATURES);
      ObjectNode attributes = vertexAttributes(mesh, grid, table.count(), views, accessors);
      for (Surface surface : mesh.surfaces()) {
        ObjectNode primitive = primitives.addObject();
        primitive.set("attributes", attributes);
        primitive.put("indices", indexAccessor(accessors, views, mesh.indices(surface), mesh.vertexCount()));
        primitive.put("material", materials.size());
        primitive.putObject("extensions").putObject(MESH_FEATURES).putArray("featureIds").addObject()
            .put("featureCount", mesh.featureCount()).put("attribute", 0).put("propertyTable", 0);
        materials.add(material(surface));
      }
    }
    if (mesh.hasNormals() && !primitives.isEmpty()) {
      // normals as normalized bytes
      extensionsUsed.add(QUANTIZATION);
      gltf.withArray("extensionsRequired").add(QUANTIZATION);
    }
    if (buffer.hasCompressedViews()) {
      // the fallback buffer has no data: a client must decode
      extensionsUsed.add(GlbBuffer.MESHOPT);
      gltf.withArray("extensionsRequired").add(GlbBuffer.MESHOPT);
    }
    gltf.put("scene", 0);
    ObjectNode scene = gltf.putArray("scenes").addObject();
    if (!primitives.isEmpty()) {
      scene.putArray("nodes").add(0);
      ArrayNode matrix = gltf.putArray("nodes").addObject().put("mesh", 0).putArray("matrix");
      for (double value : frame.nodeMatrix(grid.origin())) {
        matrix.add(value);
      }
      gltf.putArray("meshes").addObject().set("primitives", primitives);
      gltf.set("materials", materials);
      gltf.set("accessors", accessors);
    }
    // a property table has one row at least: a tile whose features were all deleted after the index was built has none
    if (table.count() > 0) {
      extensionsUsed.add(STRUCTURAL_METADATA);
      gltf.putObject("extensions").set(STRUCTURAL_METADATA, table.extension(buffer, schemaUri));
    }
    if (!extensionsUsed.isEmpty()) {
      gltf.set("extensionsUsed", extensionsUsed);
    }
    byte[] binary = buffer.toByteArray();
    if (binary.length > 0) {
      gltf.set("bufferViews", buffer.views());
      gltf.set("buffers", buffer.buffers(binary.length));
    }
    return glb(SubtreeWriter.padded(gltf.toString().getBytes(StandardCharsets.UTF_8), (byte) ' '), binary);
  }

  /** The GLB of the chunks; without binary data, without the (optional) BIN chunk, as a buffer cannot be empty. */
  private static byte[] glb(byte[] json, byte[] binary) {
    int length = 12 + 8 + json.length + (binary.length > 0 ? 8 + binary.length : 0);
    ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(MAGIC).putInt(2).putInt(length);
    out.putInt(json.length).putInt(JSON_CHUNK).put(json);
    if (binary.length > 0) {
      out.putInt(binary.length).putInt(BIN_CHUNK).put(binary);
    }
    return out.array();
  }

  /** Where a primitive's data goes: the buffer, compressed or not. */
  private record Views(GlbBuffer buffer, boolean compressed) {

    int positions(PositionGrid grid, double[] positions) {
      if (compressed && grid.fitsExponentialFilter(positions)) {
        return buffer.addView(MeshoptView.exponential(grid.exponentialFilterInput(positions), positions.length / 3,
            PositionGrid.BYTE_STRIDE), GlbBuffer.ARRAY_BUFFER, true);
      }
      return vertices(grid.floats(positions), PositionGrid.BYTE_STRIDE);
    }

    int vertices(byte[] data, int byteStride) {
      return compressed
          ? buffer.addView(MeshoptView.attributes(data, data.length / byteStride, byteStride), GlbBuffer.ARRAY_BUFFER,
              true)
          : buffer.addView(data, GlbBuffer.ARRAY_BUFFER, byteStride);
    }

    int indices(int[] indices, int vertexCount, int byteStride) {
      if (compressed) {
        return buffer.addView(MeshoptView.triangles(indices, vertexCount, byteStride), GlbBuffer.ELEMENT_ARRAY_BUFFER,
            false);
      }
      ByteBuffer bytes = ByteBuffer.allocate(byteStride * indices.length).order(ByteOrder.LITTLE_ENDIAN);
      for (int index : indices) {
        if (byteStride == 2) {
          bytes.putShort((short) index);
        } else {
          bytes.putInt(index);
        }
      }
      return buffer.addView(bytes.array(), GlbBuffer.ELEMENT_ARRAY_BUFFER, 0);
    }
  }

  /** The vertex attributes every primitive of the tile shares: positions, feature ids and maybe normals. */
  private static ObjectNode vertexAttributes(MeshBuilder mesh, PositionGrid grid, int features, Views views,
      ArrayNode accessors) {
    ObjectNode attributes = JsonNodeFactory.instance.objectNode();
    double[] positions = mesh.positions();
    int count = mesh.vertexCount();
    ObjectNode position = vertexAccessor(accessors, views.positions(grid, positions), FLOAT, count, "VEC3");
    putBounds(position, positions, grid);
    attributes.put("POSITION", accessors.size() - 1);
    float[] normals = mesh.normals();
    if (normals != null) {
      vertexAccessor(accessors, views.vertices(normalBytes(normals), 4), BYTE, count, "VEC3")
          .put("normalized", true);
      attributes.put("NORMAL", accessors.size() - 1);
    }
    boolean shortIds = features <= 0xFFFF;
    vertexAccessor(accessors, views.vertices(featureIdBytes(mesh.featureIds(), shortIds), 4),
        shortIds ? UNSIGNED_SHORT : FLOAT, count, "SCALAR");
    attributes.put("_FEATURE_ID_0", accessors.size() - 1);
    return attributes;
  }

  private static ObjectNode vertexAccessor(ArrayNode accessors, int view, int componentType, int count, String type) {
    return accessors.addObject().put("bufferView", view).put("componentType", componentType).put("count", count)
        .put("type", type);
  }

  /** Unit normals as signed bytes, normalized, padded to 4 bytes a vertex. */
  private static byte[] normalBytes(float[] normals) {
    byte[] bytes = new byte[normals.length / 3 * 4];
    for (int i = 0; i < normals.length / 3; i++) {
      for (int axis = 0; axis < 3; axis++) {
        bytes[4 * i + axis] = (byte) Math.round(normals[3 * i + axis] * 127);
      }
    }
    return bytes;
  }

  /** Feature ids as 16-bit integers padded to 4 bytes a vertex, or as floats when a tile has more features. */
  private static byte[] featureIdBytes(int[] ids, boolean shortIds) {
    ByteBuffer bytes = ByteBuffer.allocate(4 * ids.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int id : ids) {
      if (shortIds) {
        bytes.putShort((short) id).putShort((short) 0);
      } else {
        bytes.putFloat(id);
      }
    }
    return bytes.array();
  }

  /** 16-bit indices while the vertices allow (65535 is the restart value), else 32-bit. */
  private static int indexAccessor(ArrayNode accessors, Views views, int[] indices, int vertexCount) {
    boolean small = vertexCount < 65535;
    int view = views.indices(indices, vertexCount, small ? 2 : 4);
    accessors.addObject().put("bufferView", view).put("componentType", small ? UNSIGNED_SHORT : UNSIGNED_INT)
        .put("count", indices.length).put("type", "SCALAR");
    return accessors.size() - 1;
  }

  /** POSITION needs min and max: the stored values themselves, written exactly, so readers find them equal. */
  private static void putBounds(ObjectNode accessor, double[] positions, PositionGrid grid) {
    double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int i = 0; i < positions.length; i++) {
      double stored = grid.stored(positions[i], i % 3);
      min[i % 3] = Math.min(min[i % 3], stored);
      max[i % 3] = Math.max(max[i % 3], stored);
    }
    ArrayNode minNode = accessor.putArray("min");
    ArrayNode maxNode = accessor.putArray("max");
    for (int axis = 0; axis < 3; axis++) {
      minNode.add(min[axis]);
      maxNode.add(max[axis]);
    }
  }

  private static ObjectNode material(Surface surface) {
    ObjectNode material = JsonNodeFactory.instance.objectNode().put("name", surface.materialName());
    ArrayNode color = material.putObject("pbrMetallicRoughness").put("metallicFactor", 0.0)
        .putArray("baseColorFactor");
    for (double c : surface.color()) {
      color.add(c);
    }
    // faces of source data may wind either way: show both sides rather than lose walls
    material.put("doubleSided", true);
    return material;
  }
}
