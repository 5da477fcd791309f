package io.urbis.tiles3d;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.polygon.PolygonTriangulator;
import org.locationtech.jts.triangulate.tri.Tri;

/**
 * Triangulates planar polygons with holes in 3D: each polygon is projected onto its plane (Newell normal),
 * triangulated in 2D (convex rings as fans, others by JTS) and lifted back by point index, so no coordinate moves.
 * Degenerate polygons are counted by reason and skipped. Not thread-safe: one per tile being built.
 */
final class FaceTriangulator {

  /** Points closer than this (metres) are one point. */
  static final double SAME_POINT = 1e-4;
  /** A ring farther than this from its plane (metres) is not planar. */
  static final double PLANARITY_TOLERANCE = 0.25;
  private static final double MIN_DOUBLE_AREA = 1e-6;

  private final GeometryFactory geometries = new GeometryFactory();
  private final Map<Degeneracy, Integer> skipped = new EnumMap<>(Degeneracy.class);

  /** The face of the rings (x, y, z in sequence; the first is the shell), or null when it is degenerate. */
  Face triangulate(List<double[]> rings) {
    List<double[]> clean = new ArrayList<>();
    for (double[] ring : rings) {
      double[] points = withoutRepeatedPoints(ring);
      if (points.length >= 9) {
        clean.add(points);
      } else if (clean.isEmpty()) {
        return skip(Degeneracy.TOO_FEW_POINTS);
      }
    }
    double[] normal = Vectors.newellNormal(clean.get(0));
    double length = Vectors.length(normal);
    if (length < MIN_DOUBLE_AREA) {
      return skip(Degeneracy.ZERO_AREA);
    }
    Vectors.scale(normal, 1 / length);
    double[] points = concatenate(clean);
    if (!isPlanar(points, normal)) {
      return skip(Degeneracy.NON_PLANAR);
    }
    double[][] plane = Vectors.planeBasis(normal);
    double[] flat = project(points, plane);
    int[] triangles = clean.size() == 1 && isConvex(flat) ? fan(flat) : triangulateWithJts(clean, flat);
    return triangles == null ? skip(Degeneracy.INVALID) : new Face(points, normal, triangles);
  }

  /** Skipped polygons by reason since the last call; resets the counts. */
  Map<Degeneracy, Integer> drainSkipped() {
    Map<Degeneracy, Integer> counts = new EnumMap<>(skipped);
    skipped.clear();
    return counts;
  }

  private Face skip(Degeneracy reason) {
    skipped.merge(reason, 1, Integer::sum);
    return null;
  }

  /** The ring without its closing point and without points repeating their predecessor. */
  static double[] withoutRepeatedPoints(double[] ring) {
    double[] out = new double[ring.length];
    int n = 0;
    for (int i = 0; i < ring.length; i += 3) {
      if (n == 0 || Vectors.distance(ring, i, out, n - 3) > SAME_POINT) {
        System.arraycopy(ring, i, out, n, 3);
        n += 3;
      }
    }
    while (n >= 6 && Vectors.distance(out, 0, out, n - 3) <= SAME_POINT) {
      n -= 3;
    }
    return Arrays.copyOf(out, n);
  }

  private static boolean isPlanar(double[] points, double[] normal) {
    double offset = Vectors.dot(normal, points, 0);
    for (int i = 3; i < points.length; i += 3) {
      if (Math.abs(Vectors.dot(normal, points, i) - offset) > PLANARITY_TOLERANCE) {
        return false;
      }
    }
    return true;
  }

  /** The points in the plane's 2D coordinates, counter-clockwise where the 3D ring winds around the normal. */
  private static double[] project(double[] points, double[][] plane) {
    double[] flat = new double[points.length / 3 * 2];
    for (int i = 0, j = 0; i < points.length; i += 3, j += 2) {
      flat[j] = Vectors.dot(plane[0], points, i);
      flat[j + 1] = Vectors.dot(plane[1], points, i);
    }
    return flat;
  }

  /** Whether the ring (counter-clockwise, as projected) never turns right. */
  private static boolean isConvex(double[] flat) {
    int n = flat.length / 2;
    for (int i = 0; i < n; i++) {
      if (cross(flat, i, (i + 1) % n, (i + 2) % n) < -1e-9) {
        return false;
      }
    }
    return true;
  }

  /** A fan from the first point, leaving out slivers of collinear points. */
  private static int[] fan(double[] flat) {
    int n = flat.length / 2;
    int[] triangles = new int[(n - 2) * 3];
    int count = 0;
    for (int i = 1; i + 1 < n; i++) {
      if (cross(flat, 0, i, i + 1) > 1e-9) {
        triangles[count++] = 0;
        triangles[count++] = i;
        triangles[count++] = i + 1;
      }
    }
    return Arrays.copyOf(triangles, count);
  }

  /** JTS ear clipping with holes; point indices travel in the z ordinate. Null when the polygon is invalid. */
  private int[] triangulateWithJts(List<double[]> rings, double[] flat) {
    LinearRing[] jtsRings = new LinearRing[rings.size()];
    int first = 0;
    for (int r = 0; r < rings.size(); r++) {
      int n = rings.get(r).length / 3;
      Coordinate[] coordinates = new Coordinate[n + 1];
      for (int i = 0; i < n; i++) {
        coordinates[i] = new Coordinate(flat[2 * (first + i)], flat[2 * (first + i) + 1], first + i);
      }
      coordinates[n] = coordinates[0].copy();
      jtsRings[r] = geometries.createLinearRing(coordinates);
      first += n;
    }
    Polygon polygon = geometries.createPolygon(jtsRings[0], Arrays.copyOfRange(jtsRings, 1, jtsRings.length));
    if (!polygon.isValid()) {
      return null;
    }
    List<Tri> tris = new PolygonTriangulator(polygon).getTriangles();
    int[] triangles = new int[tris.size() * 3];
    int count = 0;
    for (Tri tri : tris) {
      int a = (int) tri.getCoordinate(0).getZ();
      int b = (int) tri.getCoordinate(1).getZ();
      int c = (int) tri.getCoordinate(2).getZ();
      double turn = cross(flat, a, b, c);
      if (Math.abs(turn) > 1e-9) {
        triangles[count++] = a;
        triangles[count++] = turn > 0 ? b : c;
        triangles[count++] = turn > 0 ? c : b;
      }
    }
    return Arrays.copyOf(triangles, count);
  }

  private static double[] concatenate(List<double[]> rings) {
    double[] all = new double[rings.stream().mapToInt(r -> r.length).sum()];
    int at = 0;
    for (double[] ring : rings) {
      System.arraycopy(ring, 0, all, at, ring.length);
      at += ring.length;
    }
    return all;
  }

  /** Twice the signed area of the 2D triangle (a, b, c): positive when it turns left. */
  private static double cross(double[] flat, int a, int b, int c) {
    double abx = flat[2 * b] - flat[2 * a];
    double aby = flat[2 * b + 1] - flat[2 * a + 1];
    double acx = flat[2 * c] - flat[2 * a];
    double acy = flat[2 * c + 1] - flat[2 * a + 1];
    return abx * acy - aby * acx;
  }
}
