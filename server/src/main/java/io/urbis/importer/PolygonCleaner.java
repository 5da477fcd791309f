package io.urbis.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns a source surface into a JTS polygon with Z, or refuses it: repeated consecutive points are removed, rings
 * with fewer than three distinct points or no area are dropped (a dropped exterior drops the polygon, a dropped
 * hole only the hole), rings off their plane are kept but reported, since triangulation still handles them.
 */
final class PolygonCleaner {

  /** Below this area (square CRS units: 1 mm² in metres) a ring is a line or a point. */
  static final double MIN_AREA = 1e-6;
  /** Farther than this from the exterior's plane (CRS units: 1 cm in metres) a ring is non-planar, as in val3dity. */
  static final double PLANARITY_TOLERANCE = 0.01;

  private final GeometryFactory factory;

  PolygonCleaner(GeometryFactory factory) {
    this.factory = factory;
  }

  /** The polygon (null when dropped) and every issue found on the way. */
  record Cleaned(Polygon polygon, Set<PolygonIssue> issues) {}

  Cleaned clean(SourceSurface surface) {
    Set<PolygonIssue> issues = EnumSet.noneOf(PolygonIssue.class);
    List<double[]> rings = new ArrayList<>();
    for (double[] ring : surface.rings()) {
      double[] cleaned = withoutRepeatedPoints(ring, issues);
      PolygonIssue defect = defect(cleaned);
      if (defect != null) {
        issues.add(defect);
        if (rings.isEmpty()) {
          return new Cleaned(null, issues);
        }
        continue;
      }
      rings.add(cleaned);
    }
    if (rings.isEmpty()) {
      issues.add(PolygonIssue.TOO_FEW_POINTS);
      return new Cleaned(null, issues);
    }
    if (!isPlanar(rings)) {
      issues.add(PolygonIssue.NON_PLANAR);
    }
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = linearRing(rings.get(i));
    }
    return new Cleaned(factory.createPolygon(linearRing(rings.get(0)), holes), issues);
  }

  /** The ring without points equal to their predecessor, the last compared with the first as the ring closes. */
  private static double[] withoutRepeatedPoints(double[] ring, Set<PolygonIssue> issues) {
    int n = ring.length / 3;
    double[] kept = new double[ring.length];
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (count > 0 && samePoint(ring, i, kept, count - 1)) {
        continue;
      }
      System.arraycopy(ring, i * 3, kept, count * 3, 3);
      count++;
    }
    while (count > 1 && samePoint(kept, count - 1, kept, 0)) {
      count--;
    }
    if (count < n) {
      issues.add(PolygonIssue.REPEATED_POINTS);
    }
    return Arrays.copyOf(kept, count * 3);
  }

  private static boolean samePoint(double[] a, int i, double[] b, int j) {
    return a[i * 3] == b[j * 3] && a[i * 3 + 1] == b[j * 3 + 1] && a[i * 3 + 2] == b[j * 3 + 2];
  }

  private static PolygonIssue defect(double[] ring) {
    if (ring.length / 3 < 3) {
      return PolygonIssue.TOO_FEW_POINTS;
    }
    double[] normal = newellNormal(ring);
    return length(normal) / 2 < MIN_AREA ? PolygonIssue.ZERO_AREA : null;
  }

  /** Every point of every ring within the tolerance of the plane through the exterior's first point. */
  private static boolean isPlanar(List<double[]> rings) {
    double[] exterior = rings.get(0);
    double[] normal = newellNormal(exterior);
    double length = length(normal);
    for (double[] ring : rings) {
      for (int i = 0; i < ring.length; i += 3) {
        double distance = ((ring[i] - exterior[0]) * normal[0] + (ring[i + 1] - exterior[1]) * normal[1]
            + (ring[i + 2] - exterior[2]) * normal[2]) / length;
        if (Math.abs(distance) > PLANARITY_TOLERANCE) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Newell's normal, twice the ring's area vector. Coordinates are taken relative to the first point: projected
   * coordinates are millions of metres, and their products would lose the millimetres.
   */
  static double[] newellNormal(double[] ring) {
    double[] normal = new double[3];
    int n = ring.length / 3;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      double xi = ring[i * 3] - ring[0];
      double yi = ring[i * 3 + 1] - ring[1];
      double zi = ring[i * 3 + 2] - ring[2];
      double xj = ring[j * 3] - ring[0];
      double yj = ring[j * 3 + 1] - ring[1];
      double zj = ring[j * 3 + 2] - ring[2];
      normal[0] += (yi - yj) * (zi + zj);
      normal[1] += (zi - zj) * (xi + xj);
      normal[2] += (xi - xj) * (yi + yj);
    }
    return normal;
  }

  private static double length(double[] v) {
    return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
  }

  private LinearRing linearRing(double[] ring) {
    int n = ring.length / 3;
    Coordinate[] coordinates = new Coordinate[n + 1];
    for (int i = 0; i < n; i++) {
      coordinates[i] = new Coordinate(ring[i * 3], ring[i * 3 + 1], ring[i * 3 + 2]);
    }
    coordinates[n] = coordinates[0].copy();
    return factory.createLinearRing(coordinates);
  }
}
