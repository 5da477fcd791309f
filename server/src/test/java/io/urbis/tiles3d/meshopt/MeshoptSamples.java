package io.urbis.tiles3d.meshopt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * Vertex and index data shaped like what the 3D Tiles writer stores, and some that is not, to compress (public for
 * the GLB tests of io.urbis.tiles3d).
 */
public final class MeshoptSamples {

  public static final int POSITION_STRIDE = 8;
  public static final int FEATURE_ID_STRIDE = 4;

  private MeshoptSamples() {}

  static byte[] random(Random random, int count, int byteStride) {
    byte[] bytes = new byte[count * byteStride];
    random.nextBytes(bytes);
    return bytes;
  }

  /** The {@code (columns + 1) * (rows + 1)} vertices of a gently rolling grid, quantized, row by row. */
  public static byte[] gridPositions(int columns, int rows) {
    ByteBuffer out = buffer((columns + 1) * (rows + 1) * POSITION_STRIDE);
    for (int row = 0; row <= rows; row++) {
      for (int column = 0; column <= columns; column++) {
        int height = 20_000 + (int) (300 * Math.sin(column / 9.0) * Math.cos(row / 7.0));
        position(out, column * 37, row * 37, height);
      }
    }
    return out.array();
  }

  /** Two triangles per grid cell, cells row by row: the order a strip-like mesh is written in. */
  public static int[] gridTriangles(int columns, int rows) {
    int[] indices = new int[columns * rows * 6];
    int i = 0;
    for (int row = 0; row < rows; row++) {
      for (int column = 0; column < columns; column++) {
        int corner = row * (columns + 1) + column;
        int above = corner + columns + 1;
        int[] cell = {corner, corner + 1, above, above, corner + 1, above + 1};
        System.arraycopy(cell, 0, indices, i, 6);
        i += 6;
      }
    }
    return indices;
  }

  /**
   * Box buildings along streets in a tile of about 500 m quantized to 16 bits (about 130 units a metre): 8 corners
   * each, the ground ring then the roof ring.
   */
  static byte[] buildingPositions(Random random, int buildings) {
    ByteBuffer out = buffer(buildings * 8 * POSITION_STRIDE);
    for (int b = 0; b < buildings; b++) {
      int x = (b % 20) * 3_200 + random.nextInt(400);
      int y = (b / 20 % 15) * 4_000 + random.nextInt(400);
      int width = 1_200 + random.nextInt(1_400);
      int depth = 1_200 + random.nextInt(1_400);
      int ground = 10_000 + random.nextInt(200);
      int roof = ground + 800 + random.nextInt(3_000);
      for (int z : new int[] {ground, roof}) {
        position(out, x, y, z);
        position(out, x + width, y, z);
        position(out, x + width, y + depth, z);
        position(out, x, y + depth, z);
      }
    }
    return out.array();
  }

  /** The 12 outward triangles of each box of {@link #buildingPositions}, sharing the box's 8 corners. */
  static int[] boxTriangles(int boxes) {
    int[] box = {0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 1, 2, 6, 1, 6, 5, 2, 3, 7, 2, 7, 6, 3, 0, 4,
        3, 4, 7};
    int[] indices = new int[boxes * box.length];
    for (int b = 0; b < boxes; b++) {
      for (int i = 0; i < box.length; i++) {
        indices[b * box.length + i] = b * 8 + box[i];
      }
    }
    return indices;
  }

  /** Each vertex's feature (building) id, {@code verticesPerFeature} vertices a feature, in a 4-byte element. */
  public static byte[] featureIds(int features, int verticesPerFeature, int idBytes) {
    ByteBuffer out = buffer(features * verticesPerFeature * FEATURE_ID_STRIDE);
    for (int feature = 0; feature < features; feature++) {
      for (int v = 0; v < verticesPerFeature; v++) {
        int at = out.position();
        if (idBytes == 2) {
          out.putShort((short) feature);
        } else {
          out.put((byte) feature);
        }
        out.position(at + FEATURE_ID_STRIDE);
      }
    }
    return out.array();
  }

  static int[] randomTriangles(Random random, int triangles, int vertexCount) {
    return random.ints(triangles * 3L, 0, vertexCount).toArray();
  }

  /** Triangles with repeated corners, a repeated triangle and one of a single vertex, amid a grid. */
  static int[] degenerateTriangles() {
    int[] grid = gridTriangles(4, 4);
    int[] odd = {3, 3, 4, 7, 7, 7, 0, 0, 0, 9, 10, 9, 9, 10, 9, 24, 23, 23, 5, 6, 5};
    int[] indices = new int[grid.length + odd.length];
    System.arraycopy(grid, 0, indices, 0, 30);
    System.arraycopy(odd, 0, indices, 30, odd.length);
    System.arraycopy(grid, 30, indices, 30 + odd.length, grid.length - 30);
    return indices;
  }

  /** A line list along a polyline: 0 1, 1 2, 2 3, ... */
  static int[] lines(int segments) {
    int[] indices = new int[segments * 2];
    for (int i = 0; i < segments; i++) {
      indices[2 * i] = i;
      indices[2 * i + 1] = i + 1;
    }
    return indices;
  }

  /** The indices as the glTF stores them: little-endian unsigned shorts (2) or ints (4). */
  public static byte[] indexBytes(int[] indices, int byteStride) {
    ByteBuffer out = buffer(indices.length * byteStride);
    for (int index : indices) {
      if (byteStride == 2) {
        out.putShort((short) index);
      } else {
        out.putInt(index);
      }
    }
    return out.array();
  }

  /** The inverse of {@link #indexBytes}. */
  static int[] indexValues(byte[] bytes, int byteStride) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int[] indices = new int[bytes.length / byteStride];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = byteStride == 2 ? Short.toUnsignedInt(in.getShort()) : in.getInt();
    }
    return indices;
  }

  private static ByteBuffer buffer(int length) {
    return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static void position(ByteBuffer out, int x, int y, int z) {
    out.putShort((short) x).putShort((short) y).putShort((short) z).putShort((short) 0);
  }
}
