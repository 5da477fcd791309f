package io.urbis.tiles3d;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;

/**
 * The points of a face as its triangles index them: the polygon's own, found by where they project onto its plane,
 * then any that a repair added (where edges cross), lifted onto the plane at the polygon's mean offset from it.
 */
final class FacePoints {

  /** Each projected point's first index: a point a ring visits twice is one point. */
  private final Map<Coordinate, Integer> indices = new HashMap<>();
  private final double[] normal;
  private final double[][] plane;
  private final double offset;
  private double[] points;
  private int count;

  /** {@code flat} are the points (x, y, z in sequence) projected onto the plane's basis. */
  FacePoints(double[] points, double[] flat, double[] normal, double[][] plane) {
    this.points = points;
    this.count = points.length / 3;
    this.normal = normal;
    this.plane = plane;
    double sum = 0;
    for (int i = 0; i < count; i++) {
      indices.putIfAbsent(new Coordinate(flat[2 * i], flat[2 * i + 1]), i);
      sum += Vectors.dot(normal, points, 3 * i);
    }
    this.offset = sum / count;
  }

  /** The index of the point that projects onto {@code flat} (x and y in the plane), added when there is none. */
  int index(Coordinate flat) {
    Integer index = indices.get(flat);
    if (index != null) {
      return index;
    }
    if (3 * count == points.length) {
      points = Arrays.copyOf(points, 2 * points.length);
    }
    for (int axis = 0; axis < 3; axis++) {
      points[3 * count + axis] = flat.x * plane[0][axis] + flat.y * plane[1][axis] + offset * normal[axis];
    }
    indices.put(new Coordinate(flat.x, flat.y), count);
    return count++;
  }

  /** The points, x, y, z in sequence. */
  double[] points() {
    return points.length == 3 * count ? points : Arrays.copyOf(points, 3 * count);
  }
}
