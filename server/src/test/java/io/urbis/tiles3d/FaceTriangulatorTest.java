package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
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
    assertEquals(100 - 16, SurfaceAreas.of(face), 1e-9);
    checkEveryTriangleFacesAlongTheNormal(face);
  }

  @Test
  void aSlopedLShapeIsTriangulatedInItsOwnPlane() {
    // an L-shaped roof face tilted 45 degrees about the x axis: z = y
    double[] ring = {0, 0, 0, 6, 0, 0, 6, 2, 2, 2, 2, 2, 2, 6, 6, 0, 6, 6};
    Face face = triangulator.triangulate(List.of(ring));
    assertNotNull(face);
    assertArrayEquals(new double[] {0, -Math.sqrt(0.5), Math.sqrt(0.5)}, face.normal(), 1e-12);
    assertEquals((6 * 2 + 2 * 4) * Math.sqrt(2), SurfaceAreas.of(face), 1e-9);
    checkEveryTriangleFacesAlongTheNormal(face);
  }

  @Test
  void aRingGoingRoundItsCourtyardAlongACutKeepsTheCourtyardOpen() {
    // one ring, as some LoD2 roofs are: the shell, in along the cut at x = 5, round the courtyard and back out
    double[] ring = {0, 0, 10, 10, 0, 10, 10, 10, 10, 5, 10, 10, 5, 7, 10, 7, 7, 10, 7, 3, 10, 3, 3, 10, 3, 7, 10,
        5, 7, 10, 5, 10, 10, 0, 10, 10};
    Face face = triangulator.triangulate(List.of(ring));
    assertNotNull(face);
    assertArrayEquals(ring, face.points(), "no point added");
    assertEquals(100 - 16, SurfaceAreas.of(face), 1e-9);
    checkEveryTriangleFacesAlongTheNormal(face);
    int[] t = face.triangles();
    double[] p = face.points();
    for (int i = 0; i < t.length; i += 3) {
      double x = (p[3 * t[i]] + p[3 * t[i + 1]] + p[3 * t[i + 2]]) / 3;
      double y = (p[3 * t[i] + 1] + p[3 * t[i + 1] + 1] + p[3 * t[i + 2] + 1]) / 3;
      assertFalse(x > 3 && x < 7 && y > 3 && y < 7, "triangle " + i / 3 + " lies in the courtyard");
    }
  }

  @Test
  void aRingCrossingItselfBecomesBothItsLoops() {
    // a figure of eight whose loops meet at (2.4, 2.4): a point is added there, on the plane
    double[] ring = {0, 0, 5, 6, 6, 5, 6, 0, 5, 0, 4, 5};
    Face face = triangulator.triangulate(List.of(ring));
    assertNotNull(face);
    assertEquals(10.8 + 4.8, SurfaceAreas.of(face), 1e-9);
    checkEveryTriangleFacesAlongTheNormal(face);
    assertArrayEquals(ring, Arrays.copyOf(face.points(), ring.length), "the ring's points stay where they are");
    assertArrayEquals(new double[] {2.4, 2.4, 5}, Arrays.copyOfRange(face.points(), ring.length,
        face.points().length), 1e-9);
  }

  @Test
  void aRoofThatIsNotPlanarIsTriangulatedThroughItsOwnPoints() {
    // an L-shaped roof whose inner corner lies a metre above the plane of the others
    double[] ring = {0, 0, 0, 6, 0, 0, 6, 2, 0, 2, 2, 1, 2, 6, 0, 0, 6, 0};
    Face face = triangulator.triangulate(List.of(ring));
    assertNotNull(face);
    assertArrayEquals(ring, face.points());
    int[] t = face.triangles();
    assertEquals(4 * 3, t.length);
    double[] p = face.points();
    double seenFromAbove = 0;
    for (int i = 0; i < t.length; i += 3) {
      seenFromAbove += ((p[3 * t[i + 1]] - p[3 * t[i]]) * (p[3 * t[i + 2] + 1] - p[3 * t[i] + 1])
          - (p[3 * t[i + 1] + 1] - p[3 * t[i] + 1]) * (p[3 * t[i + 2]] - p[3 * t[i]])) / 2;
    }
    assertEquals(6 * 2 + 2 * 4, seenFromAbove, 1e-9, "the triangles cover the L once, counter-clockwise from above");
    assertEquals(Map.of(), triangulator.drainSkipped());
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
    // a hole as large as its shell: nothing is left
    double[] square = {0, 0, 0, 10, 0, 0, 10, 10, 0, 0, 10, 0};
    assertNull(triangulator.triangulate(List.of(square, square)));
    Map<Degeneracy, Integer> skipped = triangulator.drainSkipped();
    assertEquals(Map.of(Degeneracy.TOO_FEW_POINTS, 2, Degeneracy.ZERO_AREA, 1, Degeneracy.INVALID, 1), skipped);
    assertEquals(Map.of(), triangulator.drainSkipped(), "draining resets the counts");
  }

  @Test
  void repeatedAndClosingPointsAreDropped() {
    double[] ring = {0, 0, 0, 0, 0, 0, 4, 0, 0, 4, 4, 0, 4, 4, 0.00001, 0, 4, 0, 0, 0, 0};
    assertEquals(12, FaceTriangulator.withoutRepeatedPoints(ring).length);
  }

  private static void checkEveryTriangleFacesAlongTheNormal(Face face) {
    int[] t = face.triangles();
    for (int i = 0; i < t.length; i += 3) {
      double[] n = SurfaceAreas.triangleNormal(face.points(), t[i], t[i + 1], t[i + 2]);
      double dot = n[0] * face.normal()[0] + n[1] * face.normal()[1] + n[2] * face.normal()[2];
      assertEquals(Vectors.length(n), dot, 1e-9, "triangle " + i / 3 + " winds counter-clockwise");
    }
  }
}
