package io.urbis.tiles;

/** A rectangle in the CRS of a tile matrix set: x east (or longitude), y north (or latitude). */
public record TileEnvelope(double minX, double minY, double maxX, double maxY) {

  public double width() {
    return maxX - minX;
  }

  public double height() {
    return maxY - minY;
  }

  /** This rectangle grown on every side by {@code fraction} of its width and height. */
  public TileEnvelope expandedBy(double fraction) {
    double dx = width() * fraction;
    double dy = height() * fraction;
    return new TileEnvelope(minX - dx, minY - dy, maxX + dx, maxY + dy);
  }

  public boolean intersects(TileEnvelope other) {
    return other.minX <= maxX && other.maxX >= minX && other.minY <= maxY && other.maxY >= minY;
  }
}
