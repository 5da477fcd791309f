package io.urbis.crs;

/**
 * A box in longitude and latitude (degrees, WGS 84 or a datum within metres of it), west of east: an area of use of
 * a CRS, or the extent of data.
 */
public record LonLatBox(double west, double south, double east, double north) {

  public static final LonLatBox WORLD = new LonLatBox(-180, -90, 180, 90);

  /** Whether {@code other} lies within this box; a box around the world holds every longitude. */
  public boolean contains(LonLatBox other) {
    boolean longitudes = aroundTheWorld() || (west <= other.west && other.east <= east);
    return longitudes && south <= other.south && other.north <= north;
  }

  /** Whether the box spans all longitudes, so that its only bounds are latitudes. */
  public boolean aroundTheWorld() {
    return east - west >= 360;
  }

  /** This box grown by {@code degrees} on every side, no further than the world. */
  LonLatBox widenedBy(double degrees) {
    return new LonLatBox(Math.max(-180, west - degrees), Math.max(-90, south - degrees),
        Math.min(180, east + degrees), Math.min(90, north + degrees));
  }
}
