package io.urbis.tiles3d;

/**
 * East-north-up axes at a tile's centre (metres, Z up): tile content is written in them and the glTF node's matrix
 * places them on the earth. In these axes walls are vertical and flat roofs level, so the coordinates of a building
 * repeat across its vertices and compress well.
 */
final class LocalFrame {

  private final double[] centre;
  private final double[] east;
  private final double[] north;
  private final double[] up;

  LocalFrame(double lonDegrees, double latDegrees, double height) {
    double lon = Math.toRadians(lonDegrees);
    double lat = Math.toRadians(latDegrees);
    this.centre = Ecef.fromGeodetic(lonDegrees, latDegrees, height);
    this.east = new double[] {-Math.sin(lon), Math.cos(lon), 0};
    this.north = new double[] {-Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat)};
    this.up = Ecef.up(lonDegrees, latDegrees);
  }

  /** Writes the local east, north and up metres of a geodetic position into {@code out} at {@code offset}. */
  void toLocal(double lonDegrees, double latDegrees, double height, double[] out, int offset) {
    Ecef.fromGeodetic(lonDegrees, latDegrees, height, out, offset);
    double dx = out[offset] - centre[0];
    double dy = out[offset + 1] - centre[1];
    double dz = out[offset + 2] - centre[2];
    out[offset] = east[0] * dx + east[1] * dy;
    out[offset + 1] = north[0] * dx + north[1] * dy + north[2] * dz;
    out[offset + 2] = up[0] * dx + up[1] * dy + up[2] * dz;
  }

  /**
   * The glTF node matrix (column-major) for vertices given in glTF's Y-up version of these axes, (east, up, -north),
   * relative to {@code origin}: it maps them to glTF's Y-up version of ECEF, (X, Z, -Y). A rotation plus a
   * translation, as glTF requires of node matrices.
   */
  double[] nodeMatrix(double[] origin) {
    double[] x = yUp(east);
    double[] y = yUp(up);
    double[] z = yUp(new double[] {-north[0], -north[1], -north[2]});
    double[] t = yUp(centre);
    double[] matrix = new double[16];
    for (int row = 0; row < 3; row++) {
      matrix[row] = x[row];
      matrix[4 + row] = y[row];
      matrix[8 + row] = z[row];
      matrix[12 + row] = t[row] + x[row] * origin[0] + y[row] * origin[1] + z[row] * origin[2];
    }
    matrix[15] = 1;
    return matrix;
  }

  private static double[] yUp(double[] v) {
    return new double[] {v[0], v[2], -v[1]};
  }
}
