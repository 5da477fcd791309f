package io.urbis.tiles3d;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The vertices and triangles of one primitive (one material) of a tile. Positions arrive in local Z-up metres and
 * are stored Y-up, as glTF wants them: (x, y, z) becomes (x, z, -y); the client turns them back. Every face gets
 * its own vertices, so normals stay flat.
 */
final class MeshBuilder {

  private float[] positions = new float[3 * 256];
  private float[] normals = new float[3 * 256];
  private float[] featureIds = new float[256];
  private int[] indices = new int[3 * 256];
  private int vertexCount;
  private int indexCount;
  private final BitSet features = new BitSet();

  void add(Face face, int featureId) {
    int base = vertexCount;
    int n = face.pointCount();
    ensureVertices(vertexCount + n);
    double[] p = face.points();
    double[] normal = face.normal();
    for (int i = 0; i < n; i++) {
      putYUp(positions, vertexCount + i, p[3 * i], p[3 * i + 1], p[3 * i + 2]);
      putYUp(normals, vertexCount + i, normal[0], normal[1], normal[2]);
      featureIds[vertexCount + i] = featureId;
    }
    vertexCount += n;
    int[] triangles = face.triangles();
    if (indexCount + triangles.length > indices.length) {
      indices = Arrays.copyOf(indices, Math.max(indices.length * 2, indexCount + triangles.length));
    }
    for (int index : triangles) {
      indices[indexCount++] = base + index;
    }
    features.set(featureId);
  }

  boolean isEmpty() {
    return indexCount == 0;
  }

  int vertexCount() {
    return vertexCount;
  }

  /** How many different features the primitive shows. */
  int featureCount() {
    return features.cardinality();
  }

  float[] positions() {
    return Arrays.copyOf(positions, 3 * vertexCount);
  }

  float[] normals() {
    return Arrays.copyOf(normals, 3 * vertexCount);
  }

  float[] featureIds() {
    return Arrays.copyOf(featureIds, vertexCount);
  }

  int[] indices() {
    return Arrays.copyOf(indices, indexCount);
  }

  private static void putYUp(float[] target, int vertex, double x, double y, double z) {
    target[3 * vertex] = (float) x;
    target[3 * vertex + 1] = (float) z;
    target[3 * vertex + 2] = (float) -y;
  }

  private void ensureVertices(int needed) {
    if (needed > featureIds.length) {
      int size = Math.max(featureIds.length * 2, needed);
      positions = Arrays.copyOf(positions, 3 * size);
      normals = Arrays.copyOf(normals, 3 * size);
      featureIds = Arrays.copyOf(featureIds, size);
    }
  }
}
