package io.urbis.tiles3d;

import static io.urbis.tiles3d.meshopt.TriangleAssertions.assertSameTriangles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.urbis.tiles3d.meshopt.MeshoptSamples;
import io.urbis.tiles3d.meshopt.MeshoptView;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** GlbFile reads views compressed with EXT_meshopt_compression as the plain views they stand for. */
class GlbFileTest {

  private static final String MESHOPT = "EXT_meshopt_compression";
  private static final int COLUMNS = 10;
  private static final int ROWS = 8;
  private static final int VERTICES = (COLUMNS + 1) * (ROWS + 1);
  private static final int INDEX_SIZE = 2;

  @Test
  void compressedViewsReadBackAsTheSameAccessorValues() throws Exception {
    GlbFile plain = GlbFile.read(gridGlb(false));
    GlbFile compressed = GlbFile.read(gridGlb(true));
    assertTrue(plain.decodedViews().isEmpty());
    assertEquals(2, compressed.decodedViews().size());
    assertTrue(compressed.binary().length < plain.binary().length);
    assertArrayEquals(plain.values(0), compressed.values(0));
    assertArrayEquals(plain.values(1), compressed.values(1));
    assertSameTriangles(plain.indices(2), compressed.indices(2), "indices");
  }

  /**
   * A grid's quantized positions (accessor 0), feature ids (1) and triangles (2); when {@code compressed}, positions
   * and triangles are compressed views, decoded into a fallback buffer, while the feature ids stay plain.
   */
  private static byte[] gridGlb(boolean compressed) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode gltf = nodes.objectNode();
    gltf.putObject("asset").put("version", "2.0").put("generator", "GlbFileTest");
    gltf.putArray("extensionsUsed").add("KHR_mesh_quantization");
    GlbBuffer buffer = new GlbBuffer();
    byte[] positions = MeshoptSamples.gridPositions(COLUMNS, ROWS);
    int[] triangles = MeshoptSamples.gridTriangles(COLUMNS, ROWS);
    int fallbackLength = 0;
    if (compressed) {
      gltf.withArray("extensionsUsed").add(MESHOPT);
      addCompressed(buffer, MeshoptView.attributes(positions, VERTICES, MeshoptSamples.POSITION_STRIDE),
          GlbBuffer.ARRAY_BUFFER, true, fallbackLength);
      fallbackLength += positions.length;
    } else {
      buffer.addView(positions, GlbBuffer.ARRAY_BUFFER, MeshoptSamples.POSITION_STRIDE);
    }
    // a feature a row of vertices, stored plain
    buffer.addView(MeshoptSamples.featureIds(ROWS + 1, COLUMNS + 1, 2), GlbBuffer.ARRAY_BUFFER,
        MeshoptSamples.FEATURE_ID_STRIDE);
    if (compressed) {
      addCompressed(buffer, MeshoptView.triangles(triangles, VERTICES, INDEX_SIZE), GlbBuffer.ELEMENT_ARRAY_BUFFER,
          false, fallbackLength);
      fallbackLength += triangles.length * INDEX_SIZE;
    } else {
      buffer.addView(MeshoptSamples.indexBytes(triangles, INDEX_SIZE), GlbBuffer.ELEMENT_ARRAY_BUFFER, 0);
    }
    ArrayNode accessors = gltf.putArray("accessors");
    accessors.addObject().put("bufferView", 0).put("componentType", GlbWriter.UNSIGNED_SHORT).put("count", VERTICES)
        .put("type", "VEC3");
    accessors.addObject().put("bufferView", 1).put("componentType", GlbWriter.UNSIGNED_SHORT).put("count", VERTICES)
        .put("type", "SCALAR");
    accessors.addObject().put("bufferView", 2).put("componentType", GlbWriter.UNSIGNED_SHORT)
        .put("count", triangles.length).put("type", "SCALAR");
    gltf.putArray("meshes").addObject().putArray("primitives").addObject().put("indices", 2).put("mode", 4)
        .putObject("attributes").put("POSITION", 0).put("_FEATURE_ID_0", 1);
    byte[] binary = buffer.toByteArray();
    gltf.set("bufferViews", buffer.views());
    ArrayNode buffers = gltf.putArray("buffers");
    buffers.addObject().put("byteLength", binary.length);
    if (compressed) {
      buffers.addObject().put("byteLength", fallbackLength).putObject("extensions").putObject(MESHOPT)
          .put("fallback", true);
    }
    return glb(SubtreeWriter.padded(gltf.toString().getBytes(StandardCharsets.UTF_8), (byte) ' '), binary);
  }

  /** Adds the compressed bytes as a view, then makes it the extension's: decoded into buffer 1 at the given offset. */
  private static void addCompressed(GlbBuffer buffer, MeshoptView compressed, int target, boolean vertexAttribute,
      int fallbackOffset) {
    int index = buffer.addView(compressed.data(), target, vertexAttribute ? compressed.byteStride() : 0);
    ObjectNode view = (ObjectNode) buffer.views().get(index);
    int chunkOffset = view.get("byteOffset").asInt();
    view.put("buffer", 1).put("byteOffset", fallbackOffset).put("byteLength", compressed.byteLength());
    view.putObject("extensions").putObject(MESHOPT).put("buffer", 0).put("byteOffset", chunkOffset)
        .put("byteLength", compressed.data().length).put("byteStride", compressed.byteStride())
        .put("mode", compressed.mode().name()).put("count", compressed.count());
  }

  private static byte[] glb(byte[] json, byte[] binary) {
    int length = 12 + 8 + json.length + 8 + binary.length;
    return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN).putInt(GlbWriter.MAGIC).putInt(2).putInt(length)
        .putInt(json.length).putInt(GlbWriter.JSON_CHUNK).put(json).putInt(binary.length).putInt(GlbWriter.BIN_CHUNK)
        .put(binary).array();
  }
}
