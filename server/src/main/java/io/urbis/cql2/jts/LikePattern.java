package io.urbis.cql2.jts;

import java.util.Arrays;

/**
 * A LIKE pattern: {@code %} any characters, {@code _} one character (code point), a backslash makes the next one
 * literal. Matching is the classic wildcard scan that backtracks only to the last {@code %}, so it takes at most
 * text length times pattern length steps; a regular expression could backtrack exponentially on {@code %%%%...x}.
 */
final class LikePattern {

  private static final int ANY_ONE = -1;
  private static final int ANY_MANY = -2;

  private final int[] elements;

  private LikePattern(int[] elements) {
    this.elements = elements;
  }

  static LikePattern of(String pattern) {
    int[] codePoints = pattern.codePoints().toArray();
    int[] elements = new int[codePoints.length];
    int count = 0;
    for (int i = 0; i < codePoints.length; i++) {
      int c = codePoints[i];
      boolean escaped = c == '\\' && i + 1 < codePoints.length;
      elements[count++] = escaped ? codePoints[++i] : wildcardOrLiteral(c);
    }
    return new LikePattern(Arrays.copyOf(elements, count));
  }

  private static int wildcardOrLiteral(int c) {
    if (c == '%') {
      return ANY_MANY;
    }
    return c == '_' ? ANY_ONE : c;
  }

  boolean matches(String text) {
    int[] input = text.codePoints().toArray();
    int at = 0;
    int element = 0;
    int lastWildcard = -1;
    int resumeAt = 0;
    while (at < input.length) {
      if (element < elements.length && (elements[element] == ANY_ONE || elements[element] == input[at])) {
        at++;
        element++;
      } else if (element < elements.length && elements[element] == ANY_MANY) {
        lastWildcard = element++;
        resumeAt = at;
      } else if (lastWildcard >= 0) {
        element = lastWildcard + 1;
        at = ++resumeAt;
      } else {
        return false;
      }
    }
    while (element < elements.length && elements[element] == ANY_MANY) {
      element++;
    }
    return element == elements.length;
  }
}
