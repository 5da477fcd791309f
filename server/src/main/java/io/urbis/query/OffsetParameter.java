package io.urbis.query;

import io.urbis.error.InvalidParameterException;

/**
 * {@code offset}: how many matching features to skip before the page starts, as MapServer, QGIS Server, pygeoapi
 * and ldproxy take it. A page deep into the data costs a scan of every feature before it; the {@code next} links
 * of unsorted pages are keyset cursors again, so only the first page reached by an offset pays that. An offset
 * beyond the last feature gives an empty page.
 */
public final class OffsetParameter implements QueryParameter<Long> {

  public static final String NAME = "offset";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Long parse(String text) {
    Long offset = Numbers.parseCount(text, Long.MAX_VALUE);
    if (offset == null) {
      throw new InvalidParameterException(name(), "'" + text + "' is not an integer of at least 0");
    }
    return offset;
  }
}
