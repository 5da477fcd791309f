package io.urbis.tiles3d;

/**
 * A planar polygon as triangles: its points (x, y, z in sequence, local metres), its unit normal and the point
 * indices of its triangles, counter-clockwise seen from where the normal points.
 */
record Face(double[] points, double[] normal, int[] triangles) {

  int pointCount() {
    return points.length / 3;
  }
}
