package io.urbis.tiles3d;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.triangulate.polygon.PolygonTriangulator;
import org.locationtech.jts.triangulate.tri.Tri;

/**
 * Triangulates polygons with holes in 3D: each polygon is projected onto its plane (Newell normal: for a ring that is
 * not quite planar, as LoD2 roofs often are, the plane that fits it best), triangulated in 2D (convex rings as fans,
 * others by JTS) and lifted back by point, so no coordinate moves. A polygon whose projection is not valid, such as
 * a ring that runs out along a cut to go round a courtyard and back (a hole without a ring of its own) or that
 * crosses itself, is repaired first by JTS's GeometryFixer, which keeps every loop's area: the points it adds where
 * edges cross lie on the plane. Degenerate polygons are counted by reason and skipped. Not thread-safe: one per tile
 * being built.
 */
final class FaceTriangulator {

  /** Points closer than this (metres) are one point. */
  static final double SAME_POINT = 1e-4;
  private static final double MIN_DOUBLE_AREA = 1e-6;
  /** Twice the area (square metres) of a triangle too thin to draw: three points in a line. */
  private static final double SLIVER = 1e-9;

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
    double[][] plane = Vectors.planeBasis(normal);
    double[] flat = project(points, plane);
    if (clean.size() == 1 && isConvex(flat)) {
      return face(points, normal, fan(flat));
    }
    Polygon polygon = polygon(clean, flat);
    FacePoints lifted = new FacePoints(points, flat, normal, plane);
    int[] triangles = triangulateWithJts(polygon.isValid() ? polygon : GeometryFixer.fix(polygon), lifted);
    return face(lifted.points(), normal, triangles);
  }

  /** Skipped polygons by reason since the last call; resets the counts. */
  Map<Degeneracy, Integer> drainSkipped() {
    Map<Degeneracy, Integer> counts = new EnumMap<>(skipped);
    skipped.clear();
    return counts;
  }

  private Face face(double[] points, double[] normal, int[] triangles) {
    return triangles.length == 0 ? skip(Degeneracy.INVALID) : new Face(points, normal, triangles);
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
      if (cross(flat, i, (i + 1) % n, (i + 2) % n) < -SLIVER) {
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
      if (cross(flat, 0, i, i + 1) > SLIVER) {
        triangles[count++] = 0;
        triangles[count++] = i;
        triangles[count++] = i + 1;
      }
    }
    return Arrays.copyOf(triangles, count);
  }

  /** The rings as a JTS polygon in the plane's 2D coordinates. */
  private Polygon polygon(List<double[]> rings, double[] flat) {
    LinearRing[] jtsRings = new LinearRing[rings.size()];
    int first = 0;
    for (int r = 0; r < rings.size(); r++) {
      int n = rings.get(r).length / 3;
      Coordinate[] coordinates = new Coordinate[n + 1];
      for (int i = 0; i < n; i++) {
        coordinates[i] = new Coordinate(flat[2 * (first + i)], flat[2 * (first + i) + 1]);
      }
      coordinates[n] = coordinates[0].copy();
      jtsRings[r] = geometries.createLinearRing(coordinates);
      first += n;
    }
    return geometries.createPolygon(jtsRings[0], Arrays.copyOfRange(jtsRings, 1, jtsRings.length));
  }

  /** JTS ear clipping with holes of each polygon of a valid (multi)polygon, counter-clockwise, without slivers. */
  private static int[] triangulateWithJts(Geometry valid, FacePoints points) {
    List<int[]> triangles = new ArrayList<>();
    for (int p = 0; p < valid.getNumGeometries(); p++) {
      for (Tri tri : new PolygonTriangulator(valid.getGeometryN(p)).getTriangles()) {
        Coordinate a = tri.getCoordinate(0);
        Coordinate b = tri.getCoordinate(1);
        Coordinate c = tri.getCoordinate(2);
        double turn = turn(a.x, a.y, b.x, b.y, c.x, c.y);
        if (Math.abs(turn) > SLIVER) {
          triangles.add(new int[] {points.index(a), points.index(turn > 0 ? b : c), points.index(turn > 0 ? c : b)});
        }
      }
    }
    return triangles.stream().flatMapToInt(Arrays::stream).toArray();
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

  /** Twice the signed area of the 2D triangle of points a, b and c of {@code flat}: positive when it turns left. */
  private static double cross(double[] flat, int a, int b, int c) {
    return turn(flat[2 * a], flat[2 * a + 1], flat[2 * b], flat[2 * b + 1], flat[2 * c], flat[2 * c + 1]);
  }

  /** Twice the signed area of the 2D triangle (a, b, c): positive when it turns left. */
  private static double turn(double ax, double ay, double bx, double by, double cx, double cy) {
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  }
}
