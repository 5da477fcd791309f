package io.urbis.query;

import java.util.regex.Pattern;

/** Strict decimal parsing: Java's Double.parseDouble also takes "NaN", "Infinity", "1d" and hex, which OGC does not. */
final class Numbers {

  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");

  private Numbers() {}

  /** The finite double the text spells, or null when it is not a plain decimal number. */
  static Double parseFinite(String text) {
    String trimmed = text.trim();
    if (!DECIMAL.matcher(trimmed).matches()) {
      return null;
    }
    double value = Double.parseDouble(trimmed);
    return Double.isFinite(value) ? value : null;
  }
}
