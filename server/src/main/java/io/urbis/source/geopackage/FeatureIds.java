package io.urbis.source.geopackage;

/** Feature ids of GeoPackage tables are integers; any other text names no feature. */
final class FeatureIds {

  private FeatureIds() {}

  /** The id {@code text} stands for, or null when it is not an integer. */
  static Long parse(String text) {
    try {
      return text == null ? null : Long.valueOf(text.trim());
    } catch (NumberFormatException notAnId) {
      return null;
    }
  }
}
