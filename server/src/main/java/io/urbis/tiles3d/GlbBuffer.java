package io.urbis.tiles3d;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.urbis.tiles3d.meshopt.MeshoptFilter;
import io.urbis.tiles3d.meshopt.MeshoptView;
import java.io.ByteArrayOutputStream;

/**
 * The binary chunk of a GLB as it grows, with its buffer views. Every view starts on an 8-byte boundary: glTF needs
 * 4 for vertex data, EXT_structural_metadata 8 for property values. Views compressed with EXT_meshopt_compression
 * keep their bytes in the chunk and their decoded place in a second, data-less fallback buffer, as the extension
 * describes.
 */
final class GlbBuffer {

  static final int ARRAY_BUFFER = 34962;
  static final int ELEMENT_ARRAY_BUFFER = 34963;
  static final String MESHOPT = "EXT_meshopt_compression";
  private static final int ALIGNMENT = 8;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final ArrayNode views = JsonNodeFactory.instance.arrayNode();
  private int fallbackLength;

  /**
   * Appends a view of {@code data}; {@code target} is a GL buffer target, or 0 for none; {@code byteStride} the
   * bytes from one vertex to the next, or 0 when not a vertex attribute. Returns its index.
   */
  int addView(byte[] data, int target, int byteStride) {
    ObjectNode view = views.addObject().put("buffer", 0).put("byteOffset", append(data)).put("byteLength",
        data.length);
    return describe(view, target, byteStride);
  }

  /** Appends a compressed view, its decoded bytes placed in the fallback buffer. Returns its index. */
  int addView(MeshoptView compressed, int target, boolean vertexAttribute) {
    ObjectNode view = views.addObject().put("buffer", 1).put("byteOffset", fallbackLength)
        .put("byteLength", compressed.byteLength());
    fallbackLength += align(compressed.byteLength());
    ObjectNode extension = view.putObject("extensions").putObject(MESHOPT).put("buffer", 0)
        .put("byteOffset", append(compressed.data())).put("byteLength", compressed.data().length)
        .put("byteStride", compressed.byteStride()).put("mode", compressed.mode().name())
        .put("count", compressed.count());
    if (compressed.filter() != MeshoptFilter.NONE) {
      extension.put("filter", compressed.filter().name());
    }
    return describe(view, target, vertexAttribute ? compressed.byteStride() : 0);
  }

  boolean hasCompressedViews() {
    return fallbackLength > 0;
  }

  ArrayNode views() {
    return views;
  }

  /** The buffers: the chunk of {@code chunkLength} bytes, then the fallback buffer if a view is compressed. */
  ArrayNode buffers(int chunkLength) {
    ArrayNode buffers = JsonNodeFactory.instance.arrayNode();
    buffers.addObject().put("byteLength", chunkLength);
    if (hasCompressedViews()) {
      buffers.addObject().put("byteLength", fallbackLength).putObject("extensions").putObject(MESHOPT)
          .put("fallback", true);
    }
    return buffers;
  }

  /** The chunk's content, zero-padded to a multiple of 8 bytes. */
  byte[] toByteArray() {
    pad();
    return bytes.toByteArray();
  }

  private int append(byte[] data) {
    pad();
    int offset = bytes.size();
    bytes.writeBytes(data);
    return offset;
  }

  private int describe(ObjectNode view, int target, int byteStride) {
    if (byteStride != 0) {
      view.put("byteStride", byteStride);
    }
    if (target != 0) {
      view.put("target", target);
    }
    return views.size() - 1;
  }

  private void pad() {
    while (bytes.size() % ALIGNMENT != 0) {
      bytes.write(0);
    }
  }

  private static int align(int length) {
    return (length + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  }
}
