package io.urbis.tiles3d;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;

/**
 * The binary chunk of a GLB as it grows, with its buffer views. Every view starts on an 8-byte boundary: glTF needs
 * 4 for vertex data, EXT_structural_metadata 8 for property values.
 */
final class GlbBuffer {

  static final int ARRAY_BUFFER = 34962;
  static final int ELEMENT_ARRAY_BUFFER = 34963;
  private static final int ALIGNMENT = 8;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final ArrayNode views = JsonNodeFactory.instance.arrayNode();

  /**
   * Appends a view of {@code data}; {@code target} is a GL buffer target, or 0 for none; {@code byteStride} the
   * bytes from one vertex to the next, or 0 when not a vertex attribute. Returns its index.
   */
  int addView(byte[] data, int target, int byteStride) {
    while (bytes.size() % ALIGNMENT != 0) {
      bytes.write(0);
    }
    var view = views.addObject().put("buffer", 0).put("byteOffset", bytes.size()).put("byteLength", data.length);
    if (byteStride != 0) {
      view.put("byteStride", byteStride);
    }
    if (target != 0) {
      view.put("target", target);
    }
    bytes.writeBytes(data);
    return views.size() - 1;
  }

  ArrayNode views() {
    return views;
  }

  /** The chunk's content, zero-padded to a multiple of 8 bytes. */
  byte[] toByteArray() {
    while (bytes.size() % ALIGNMENT != 0) {
      bytes.write(0);
    }
    return bytes.toByteArray();
  }
}
