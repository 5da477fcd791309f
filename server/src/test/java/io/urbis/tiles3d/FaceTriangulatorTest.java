package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaceTriangulatorTest {

  private final FaceTriangulator triangulator = new FaceTriangulator();

  @Test
  void aRoofWithACourtyardKeepsItsAreaAndFacesUp() {
    double[] shell = {0, 0, 10, 10, 0, 10, 10, 10, 10, 0, 10, 10, 0, 0, 10};
    double[] hole = {3, 3, 10, 3, 7, 10, 7, 7, 10, 7, 3, 10, 3, 3, 10};
    Face face = triangulator.triangulate(List.of(shell, hole));
    assertNotNull(face);
    assertArrayEquals(new double[] {0, 0, 1}, face.normal(), 1e-12);
    assertEquals(100 - 16, area(face), 1e-9);
    checkEveryTriangleFacesAlongTheNormal(face);
  }

  @Test
  void aSlopedLShapeIsTriangulatedInItsOwnPlane() {
    // an L-shaped roof face tilted 45 degrees about the x axis: z = y
    double[] ring = {0, 0, 0, 6, 0, 0, 6, 2, 2, 2, 2, 2, 2, 6, 6, 0, 6, 6};
    Face face = triangulator.triangulate(List.of(ring));
    assertNotNull(face);
    assertArrayEquals(new double[] {0, -Math.sqrt(0.5), Math.sqrt(0.5)}, face.normal(), 1e-12);
    assertEquals((6 * 2 + 2 * 4) * Math.sqrt(2), area(face), 1e-9);
    checkEveryTriangleFacesAlongTheNormal(face);
  }

  @Test
  void aWallQuadBecomesTwoTrianglesFacingOutward() {
    double[] wall = {0, 0, 0, 5, 0, 0, 5, 0, 3, 0, 0, 3};
    Face face = triangulator.triangulate(List.of(wall));
    assertNotNull(face);
    assertEquals(6, face.triangles().length);
    assertArrayEquals(new double[] {0, -1, 0}, face.normal(), 1e-12);
  }

  @Test
  void degeneratePolygonsAreSkippedAndCountedByReason() {
    assertNull(triangulator.triangulate(List.of(new double[] {0, 0, 0, 1, 0, 0, 0, 0, 0})));
    assertNull(triangulator.triangulate(List.of(new double[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 0, 0, 0})));
    assertNull(triangulator.triangulate(List.of(new double[] {0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0})));
    assertNull(triangulator.triangulate(List.of(new double[] {0, 0, 0, 10, 0, 0, 10, 10, 5, 0, 10, 0})));
    // a ring that crosses itself: its shape has an area, but no triangulation is right
    assertNull(triangulator.triangulate(List.of(new double[] {0, 0, 0, 10, 0, 0, 10, 10, 0, 4, -3, 0, 0, 10, 0})));
    Map<Degeneracy, Integer> skipped = triangulator.drainSkipped();
    assertEquals(Map.of(Degeneracy.TOO_FEW_POINTS, 2, Degeneracy.ZERO_AREA, 1, Degeneracy.NON_PLANAR, 1,
        Degeneracy.INVALID, 1), skipped);
    assertEquals(Map.of(), triangulator.drainSkipped(), "draining resets the counts");
  }

  @Test
  void repeatedAndClosingPointsAreDropped() {
    double[] ring = {0, 0, 0, 0, 0, 0, 4, 0, 0, 4, 4, 0, 4, 4, 0.00001, 0, 4, 0, 0, 0, 0};
    assertEquals(12, FaceTriangulator.withoutRepeatedPoints(ring).length);
  }

  private static double area(Face face) {
    double sum = 0;
    int[] t = face.triangles();
    for (int i = 0; i < t.length; i += 3) {
      sum += Vectors.length(triangleNormal(face.points(), t[i], t[i + 1], t[i + 2])) / 2;
    }
    return sum;
  }

  private static void checkEveryTriangleFacesAlongTheNormal(Face face) {
    int[] t = face.triangles();
    for (int i = 0; i < t.length; i += 3) {
      double[] n = triangleNormal(face.points(), t[i], t[i + 1], t[i + 2]);
      double dot = n[0] * face.normal()[0] + n[1] * face.normal()[1] + n[2] * face.normal()[2];
      assertEquals(Vectors.length(n), dot, 1e-9, "triangle " + i / 3 + " winds counter-clockwise");
    }
  }

  private static double[] triangleNormal(double[] p, int a, int b, int c) {
    double[] ab = {p[3 * b] - p[3 * a], p[3 * b + 1] - p[3 * a + 1], p[3 * b + 2] - p[3 * a + 2]};
    double[] ac = {p[3 * c] - p[3 * a], p[3 * c + 1] - p[3 * a + 1], p[3 * c + 2] - p[3 * a + 2]};
    return Vectors.cross(ab, ac);
  }
}
