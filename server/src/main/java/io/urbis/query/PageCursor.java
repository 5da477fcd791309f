package io.urbis.query;

/**
 * Where a page starts. Keyset cursors carry the id of the feature next to the page, so a deep page costs what the
 * first costs; offset cursors serve collections without a usable key.
 *
 * @param direction AFTER the key (forward), BEFORE the key (the previous page), or OFFSET
 * @param key the id of the neighbouring feature, as text (null for OFFSET)
 * @param offset the number of features to skip (OFFSET only)
 */
public record PageCursor(Direction direction, String key, long offset) {

  public enum Direction {
    AFTER,
    BEFORE,
    OFFSET
  }

  public static PageCursor after(Object key) {
    return new PageCursor(Direction.AFTER, String.valueOf(key), 0);
  }

  public static PageCursor before(Object key) {
    return new PageCursor(Direction.BEFORE, String.valueOf(key), 0);
  }

  public static PageCursor offset(long offset) {
    return new PageCursor(Direction.OFFSET, null, offset);
  }
}
