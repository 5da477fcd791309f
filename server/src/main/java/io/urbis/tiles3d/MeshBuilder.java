package io.urbis.tiles3d;

import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The mesh of a tile: one set of vertices, and the triangles of each surface kind (a primitive, one material, each).
 * Positions arrive in local Z-up metres and are kept Y-up, as glTF wants them: (x, y, z) becomes (x, z, -y). Without
 * normals, the faces of a feature share the vertices they have in common, across surface kinds too (a wall's top
 * corners are its roof's), and the client computes flat normals, as glTF requires of it when a mesh has none; with
 * normals, every face has vertices of its own, so that its normal stays flat.
 */
final class MeshBuilder {

  private final boolean withNormals;
  private double[] positions = new double[3 * 256];
  private float[] normals;
  private int[] featureIds = new int[256];
  private final Map<Surface, Triangles> triangles = new EnumMap<>(Surface.class);
  private int vertexCount;
  private final BitSet features = new BitSet();
  private final Map<Point, Integer> verticesOfFeature = new HashMap<>();
  private int feature = -1;

  private record Point(double x, double y, double z) {}

  /** The triangles of one surface kind, as vertex indices. */
  private static final class Triangles {
    private int[] indices = new int[3 * 64];
    private int count;

    void add(int[] vertices, int[] faceTriangles) {
      if (count + faceTriangles.length > indices.length) {
        indices = Arrays.copyOf(indices, Math.max(indices.length * 2, count + faceTriangles.length));
      }
      for (int index : faceTriangles) {
        indices[count++] = vertices[index];
      }
    }
  }

  MeshBuilder(boolean withNormals) {
    this.withNormals = withNormals;
    this.normals = withNormals ? new float[3 * 256] : null;
  }

  /** Adds a face of a feature as a surface of that kind; the faces of one feature come one after another. */
  void add(Face face, Surface surface, int featureId) {
    if (featureId != feature) {
      verticesOfFeature.clear();
      feature = featureId;
    }
    double[] p = face.points();
    int[] vertices = new int[face.pointCount()];
    for (int i = 0; i < vertices.length; i++) {
      Point point = new Point(p[3 * i], p[3 * i + 2], -p[3 * i + 1]);
      vertices[i] = withNormals ? addVertex(point, face.normal(), featureId)
          : verticesOfFeature.computeIfAbsent(point, q -> addVertex(q, null, featureId));
    }
    triangles.computeIfAbsent(surface, s -> new Triangles()).add(vertices, face.triangles());
  }

  /** The surface kinds that have triangles, in their order. */
  Set<Surface> surfaces() {
    return triangles.keySet();
  }

  boolean hasNormals() {
    return withNormals;
  }

  int vertexCount() {
    return vertexCount;
  }

  /**
   * How many different features the vertices belong to. Every primitive shares the vertices' feature id attribute,
   * and a primitive's featureCount counts the ids in that attribute, not just those its own triangles show.
   */
  int featureCount() {
    return features.cardinality();
  }

  /** Y-up positions, x, y, z in sequence. */
  double[] positions() {
    return Arrays.copyOf(positions, 3 * vertexCount);
  }

  /** Y-up unit normals, or null without normals. */
  float[] normals() {
    return withNormals ? Arrays.copyOf(normals, 3 * vertexCount) : null;
  }

  int[] featureIds() {
    return Arrays.copyOf(featureIds, vertexCount);
  }

  /** The triangles of the surface kind, as vertex indices. */
  int[] indices(Surface surface) {
    Triangles of = triangles.get(surface);
    return Arrays.copyOf(of.indices, of.count);
  }

  private int addVertex(Point point, double[] zUpNormal, int featureId) {
    if (vertexCount == featureIds.length) {
      int size = 2 * vertexCount;
      positions = Arrays.copyOf(positions, 3 * size);
      featureIds = Arrays.copyOf(featureIds, size);
      if (withNormals) {
        normals = Arrays.copyOf(normals, 3 * size);
      }
    }
    positions[3 * vertexCount] = point.x();
    positions[3 * vertexCount + 1] = point.y();
    positions[3 * vertexCount + 2] = point.z();
    if (zUpNormal != null) {
      normals[3 * vertexCount] = (float) zUpNormal[0];
      normals[3 * vertexCount + 1] = (float) zUpNormal[2];
      normals[3 * vertexCount + 2] = (float) -zUpNormal[1];
    }
    featureIds[vertexCount] = featureId;
    features.set(featureId);
    return vertexCount++;
  }
}
