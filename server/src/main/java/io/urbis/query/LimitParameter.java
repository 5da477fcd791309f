package io.urbis.query;

import io.urbis.error.InvalidParameterException;

/**
 * {@code limit}: a positive integer; a value above the maximum is served as the maximum, not refused
 * (OGC 17-069r4, 7.15.2, requirement /req/core/fc-limit-response).
 */
public final class LimitParameter implements QueryParameter<Integer> {

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
    Long limit = Numbers.parseCount(text, maximum);
    if (limit == null) {
      throw new InvalidParameterException(name(), "'" + text + "' is not a positive integer");
    }
    if (limit == 0) {
      throw new InvalidParameterException(name(), "must be at least 1");
    }
    return limit.intValue();
  }
}
