package io.urbis.tiles3d;

import java.util.HashMap;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Areas of building surfaces: of triangles, and of polygons by the surface kind (the material's name) 3D tiles give
 * them. Seen from above, a roof or ground has one area even when its ring is not planar, whichever its triangles.
 */
public final class SurfaceAreas {

  /** The vertical of projected coordinates with heights. */
  private static final double[] UP = {0, 0, 1};

  private SurfaceAreas() {}

  /**
   * Polygons of a surface kind seen from above: their area (square metres) and the length of their rings (metres),
   * which bounds how much moving their points a little changes that area.
   */
  public record Measure(double area, double ringLength) {

    Measure plus(Measure other) {
      return new Measure(area + other.area, ringLength + other.ringLength);
    }
  }

  /**
   * The polygons (projected metres and heights) seen from above, by the surface kind their orientation makes them in
   * 3D tiles. A ring that goes round a hole of its own along a cut has the area without the hole.
   */
  public static Map<String, Measure> seenFromAbove(Geometry polygons) {
    Map<String, Measure> measures = new HashMap<>();
    for (int i = 0; i < polygons.getNumGeometries(); i++) {
      Polygon polygon = (Polygon) polygons.getGeometryN(i);
      double[] normal = Vectors.newellNormal(points(polygon.getExteriorRing()));
      double length = Vectors.length(normal);
      if (length > 0) {
        Vectors.scale(normal, 1 / length);
        measures.merge(Surface.facing(normal, UP).materialName(),
            new Measure(polygon.getArea(), polygon.getLength()), Measure::plus);
      }
    }
    return measures;
  }

  /** The area of the face's triangles. */
  static double of(Face face) {
    double area = 0;
    int[] t = face.triangles();
    for (int i = 0; i < t.length; i += 3) {
      area += Vectors.length(triangleNormal(face.points(), t[i], t[i + 1], t[i + 2])) / 2;
    }
    return area;
  }

  /** The area of the triangle of points a, b and c of glTF positions (Y up) seen from above. */
  static double triangleSeenFromAbove(double[] yUpPoints, int a, int b, int c) {
    return Math.abs(triangleNormal(yUpPoints, a, b, c)[1]) / 2;
  }

  /** The cross product of the triangle's edges from a: twice its area, along its normal. */
  static double[] triangleNormal(double[] points, int a, int b, int c) {
    double[] ab = {points[3 * b] - points[3 * a], points[3 * b + 1] - points[3 * a + 1],
        points[3 * b + 2] - points[3 * a + 2]};
    double[] ac = {points[3 * c] - points[3 * a], points[3 * c + 1] - points[3 * a + 1],
        points[3 * c + 2] - points[3 * a + 2]};
    return Vectors.cross(ab, ac);
  }

  /** The ring's points without the closing one, x, y, z in sequence. */
  private static double[] points(LineString ring) {
    Coordinate[] coordinates = ring.getCoordinates();
    double[] points = new double[3 * (coordinates.length - 1)];
    for (int i = 0; i + 1 < coordinates.length; i++) {
      points[3 * i] = coordinates[i].getX();
      points[3 * i + 1] = coordinates[i].getY();
      points[3 * i + 2] = coordinates[i].getZ();
    }
    return points;
  }
}
