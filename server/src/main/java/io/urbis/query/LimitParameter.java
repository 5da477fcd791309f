package io.urbis.query;

import io.urbis.error.InvalidParameterException;
import java.util.regex.Pattern;

/**
 * {@code limit}: a positive integer; a value above the maximum is served as the maximum, not refused
 * (OGC 17-069r4, 7.15.2, requirement /req/core/fc-limit-response).
 */
public final class LimitParameter implements QueryParameter<Integer> {

  private static final Pattern DIGITS = Pattern.compile("\\+?\\d+");

  private final int maximum;

  public LimitParameter(int maximum) {
    this.maximum = maximum;
  }

  @Override
  public String name() {
    return "limit";
  }

  @Override
  public Integer parse(String text) {
    String trimmed = text.trim();
    if (!DIGITS.matcher(trimmed).matches()) {
      throw new InvalidParameterException(name(), "'" + text + "' is not a positive integer");
    }
    String digits = trimmed.replaceFirst("^\\+?0*", "");
    if (digits.isEmpty()) {
      throw new InvalidParameterException(name(), "must be at least 1");
    }
    if (digits.length() > 9) {
      return maximum;
    }
    return Math.min(Integer.parseInt(digits), maximum);
  }
}
