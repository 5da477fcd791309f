package io.urbis.query;

import io.urbis.error.InvalidParameterException;

/** {@code bbox}: four or six numbers in CRS84, lower corner first (OGC 17-069r4, 7.15.3). */
public final class BboxParameter implements QueryParameter<Bbox> {

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
    Bbox bbox = new Bbox(values[0], values[1], values[half], values[half + 1]);
    checkRanges(bbox);
    if (half == 3 && values[2] > values[5]) {
      throw invalid("the lower height is above the upper height");
    }
    return bbox;
  }

  private void checkRanges(Bbox bbox) {
    if (outside(bbox.minLon(), 180) || outside(bbox.maxLon(), 180)) {
      throw invalid("longitudes must lie within -180 and 180");
    }
    if (outside(bbox.minLat(), 90) || outside(bbox.maxLat(), 90)) {
      throw invalid("latitudes must lie within -90 and 90");
    }
    if (bbox.minLat() > bbox.maxLat()) {
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
