package io.urbis.tiles3d;

/** Small 3D vector helpers on double arrays; points are stored x, y, z in sequence. */
final class Vectors {

  private Vectors() {}

  /** Newell's normal of a ring: its length is twice the ring's area, its direction the ring's winding axis. */
  static double[] newellNormal(double[] ring) {
    double nx = 0;
    double ny = 0;
    double nz = 0;
    int n = ring.length / 3;
    for (int i = 0; i < n; i++) {
      int a = 3 * i;
      int b = 3 * ((i + 1) % n);
      nx += (ring[a + 1] - ring[b + 1]) * (ring[a + 2] + ring[b + 2]);
      ny += (ring[a + 2] - ring[b + 2]) * (ring[a] + ring[b]);
      nz += (ring[a] - ring[b]) * (ring[a + 1] + ring[b + 1]);
    }
    return new double[] {nx, ny, nz};
  }

  /** Two unit vectors u, v spanning the plane normal to {@code n}, with u × v = n. */
  static double[][] planeBasis(double[] n) {
    double[] axis = Math.abs(n[0]) < 0.6 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
    double[] u = cross(axis, n);
    scale(u, 1 / length(u));
    double[] v = cross(n, u);
    return new double[][] {u, v};
  }

  static double[] cross(double[] a, double[] b) {
    return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
  }

  static double dot(double[] v, double[] points, int offset) {
    return v[0] * points[offset] + v[1] * points[offset + 1] + v[2] * points[offset + 2];
  }

  static double length(double[] v) {
    return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
  }

  static void scale(double[] v, double factor) {
    v[0] *= factor;
    v[1] *= factor;
    v[2] *= factor;
  }

  static double distance(double[] a, int i, double[] b, int j) {
    double dx = a[i] - b[j];
    double dy = a[i + 1] - b[j + 1];
    double dz = a[i + 2] - b[j + 2];
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }
}
