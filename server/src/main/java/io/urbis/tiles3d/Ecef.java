package io.urbis.tiles3d;

import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.datum.Ellipsoid;
import org.locationtech.proj4j.datum.GeocentricConverter;

/**
 * Earth-centred, earth-fixed coordinates (EPSG:4978) from longitude, latitude and ellipsoidal height on WGS 84, as
 * 3D Tiles wants them. proj4j does the conversion; this class only adapts degrees and arrays.
 */
public final class Ecef {

  private static final GeocentricConverter WGS84 = new GeocentricConverter(Ellipsoid.WGS84);

  private Ecef() {}

  /** Writes X, Y, Z in metres into {@code out} at {@code offset}. */
  public static void fromGeodetic(double lonDegrees, double latDegrees, double height, double[] out, int offset) {
    ProjCoordinate point = new ProjCoordinate(Math.toRadians(lonDegrees), Math.toRadians(latDegrees), height);
    WGS84.convertGeodeticToGeocentric(point);
    out[offset] = point.x;
    out[offset + 1] = point.y;
    out[offset + 2] = point.z;
  }

  public static double[] fromGeodetic(double lonDegrees, double latDegrees, double height) {
    double[] xyz = new double[3];
    fromGeodetic(lonDegrees, latDegrees, height, xyz, 0);
    return xyz;
  }

  /** Longitude and latitude in degrees and the ellipsoidal height in metres. */
  public static double[] toGeodetic(double x, double y, double z) {
    ProjCoordinate point = new ProjCoordinate(x, y, z);
    WGS84.convertGeocentricToGeodetic(point);
    return new double[] {Math.toDegrees(point.x), Math.toDegrees(point.y), point.z};
  }

  /** The unit vector pointing up (the ellipsoid normal) at a geodetic position. */
  public static double[] up(double lonDegrees, double latDegrees) {
    double lon = Math.toRadians(lonDegrees);
    double lat = Math.toRadians(latDegrees);
    return new double[] {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
  }
}
