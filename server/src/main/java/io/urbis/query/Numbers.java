package io.urbis.query;

import java.util.regex.Pattern;

/** Strict decimal parsing: Java's Double.parseDouble also takes "NaN", "Infinity", "1d" and hex, which OGC does not. */
final class Numbers {

  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");
  private static final Pattern DIGITS = Pattern.compile("\\+?\\d+");
  /** Digits of the largest number that always fits a long. */
  private static final int LONG_DIGITS = 18;

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

  /**
   * The whole number of at least zero the text spells (digits, optionally after a plus sign), or {@code ceiling}
   * when it is larger; null when the text is no such number (a sign, a fraction, an exponent).
   */
  static Long parseCount(String text, long ceiling) {
    String trimmed = text.trim();
    if (!DIGITS.matcher(trimmed).matches()) {
      return null;
    }
    String digits = trimmed.replaceFirst("^\\+?0*", "");
    if (digits.length() > LONG_DIGITS) {
      return ceiling;
    }
    return digits.isEmpty() ? 0 : Math.min(Long.parseLong(digits), ceiling);
  }
}
