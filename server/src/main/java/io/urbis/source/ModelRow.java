package io.urbis.source;

/**
 * One feature as its 3D model is built from it.
 *
 * @param id the feature id as text
 * @param polygonsWkb its polygons (faces) as WKB with longitude, latitude and height
 * @param base for an extruded footprint, the height of its ground; 0 otherwise
 * @param height for an extruded footprint, how tall it is; NaN when the polygons are 3D already
 * @param propertiesJson its properties as a JSON object
 */
public record ModelRow(String id, byte[] polygonsWkb, double base, double height, String propertiesJson) {

  public boolean isExtruded() {
    return !Double.isNaN(height);
  }
}
