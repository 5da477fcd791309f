package io.urbis.query;

import io.urbis.crs.Crs;
import io.urbis.error.InvalidParameterException;

/**
 * {@code bbox}: four or six numbers, lower corner first (OGC 17-069r4, 7.15.3), in CRS84 or the CRS that
 * {@code bbox-crs} names, in that CRS's axis order (OGC 18-058r1): latitude first for EPSG:4326.
 */
public final class BboxParameter implements QueryParameter<Bbox> {

  private final Crs crs;

  public BboxParameter(Crs crs) {
    this.crs = crs;
  }

  @Override
  public String name() {
    return "bbox";
  }

  @Override
  public Bbox parse(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 4 && parts.length != 6) {
      throw invalid("expected 4 or 6 comma-separated numbers, got " + parts.length);
    }
    double[] values = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      Double value = Numbers.parseFinite(parts[i]);
      if (value == null) {
        throw invalid("'" + parts[i] + "' is not a finite number");
      }
      values[i] = value;
    }
    int half = parts.length / 2;
    Bbox.Heights heights = half == 3 ? new Bbox.Heights(values[2], values[5]) : null;
    Bbox bbox = crs.northFirst()
        ? new Bbox(values[1], values[0], values[half + 1], values[half], crs, heights)
        : new Bbox(values[0], values[1], values[half], values[half + 1], crs, heights);
    if (crs.geographic()) {
      checkRanges(bbox);
    } else if (bbox.minX() > bbox.maxX() || bbox.minY() > bbox.maxY()) {
      throw invalid("the lower corner lies above or right of the upper corner");
    }
    if (half == 3 && values[2] > values[5]) {
      throw invalid("the lower height is above the upper height");
    }
    return bbox;
  }

  private void checkRanges(Bbox bbox) {
    if (outside(bbox.minX(), 180) || outside(bbox.maxX(), 180)) {
      throw invalid("longitudes must lie within -180 and 180");
    }
    if (outside(bbox.minY(), 90) || outside(bbox.maxY(), 90)) {
      throw invalid("latitudes must lie within -90 and 90");
    }
    if (bbox.minY() > bbox.maxY()) {
      throw invalid("the lower latitude is above the upper latitude");
    }
  }

  private static boolean outside(double value, double bound) {
    return value < -bound || value > bound;
  }

  private InvalidParameterException invalid(String problem) {
    return new InvalidParameterException(name(), problem);
  }
}
