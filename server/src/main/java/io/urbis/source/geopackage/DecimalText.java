package io.urbis.source.geopackage;

/**
 * Formats coordinates rounded to a fixed number of decimals as plain JSON number text without trailing zeros, so
 * output neither carries false precision nor switches to exponent notation.
 */
final class DecimalText {

  /** Beyond this magnitude a scaled value no longer fits a long exactly; such values are written unrounded. */
  private static final double MAX_SCALED = 1e15;

  private final int decimals;
  private final long scale;

  DecimalText(int decimals) {
    if (decimals < 0 || decimals > 12) {
      throw new IllegalArgumentException("coordinate precision must be 0..12 decimals, not " + decimals);
    }
    this.decimals = decimals;
    this.scale = (long) Math.pow(10, decimals);
  }

  String format(double value) {
    double scaled = value * scale;
    if (!Double.isFinite(scaled) || Math.abs(scaled) >= MAX_SCALED) {
      return Double.isFinite(value) ? Double.toString(value) : "null";
    }
    long units = Math.round(scaled);
    StringBuilder text = new StringBuilder(24);
    if (units < 0) {
      text.append('-');
      units = -units;
    }
    text.append(units / scale);
    long fraction = units % scale;
    if (fraction != 0) {
      String digits = Long.toString(fraction);
      text.append('.').append("0".repeat(decimals - digits.length())).append(digits);
      stripTrailingZeros(text);
    }
    return text.toString();
  }

  private static void stripTrailingZeros(StringBuilder text) {
    int end = text.length();
    while (text.charAt(end - 1) == '0') {
      end--;
    }
    text.setLength(end);
  }
}
