package io.urbis.source.geopackage;

import io.urbis.query.FeatureQuery;
import io.urbis.query.PageCursor;
import io.urbis.query.Paging;

/**
 * Which rows of the id order one page covers, and the cursors to its neighbours. Keyset pages read one row more
 * than the limit to learn whether the page has a neighbour in the direction it was read.
 *
 * <p>When features are filtered in Java (the exact bbox test), SQL cannot count matches, so the SQL limit and
 * offset are dropped and the page is cut in Java while streaming.
 */
final class PageWindow {

  private final FeatureQuery query;
  private final PageCursor cursor;
  private final boolean cutInJava;
  private final Long key;

  PageWindow(FeatureQuery query, boolean cutInJava) {
    this.query = query;
    this.cursor = query.cursor();
    this.cutInJava = cutInJava;
    this.key = isKeyset() ? FeatureIds.parse(cursor.key()) : null;
  }

  /** Whether the cursor's key cannot be an id, so the page is empty. */
  boolean isUnusable() {
    return isKeyset() && key == null;
  }

  /** The keyset bound of the SQL ({@code id > key} or {@code id < key}), or null. */
  Long key() {
    return key;
  }

  /** Whether rows are read in descending id order (a BEFORE page, reversed afterwards). */
  boolean isDescending() {
    return cursor != null && cursor.direction() == PageCursor.Direction.BEFORE;
  }

  int limit() {
    return query.limit();
  }

  /** The SQL LIMIT: one row past the page, or -1 (none) when the page is cut in Java. */
  long sqlLimit() {
    return cutInJava ? -1 : query.limit() + 1L;
  }

  long sqlOffset() {
    return cutInJava ? 0 : offset();
  }

  /** Matching rows to skip in Java before the page starts. */
  long javaSkip() {
    return cutInJava ? offset() : 0;
  }

  /**
   * The neighbouring cursors of a page read in id order from {@code firstId} to {@code lastId}; {@code more} tells
   * whether a row beyond the page was found in the reading direction. An empty page has no neighbours.
   */
  Paging paging(Long firstId, Long lastId, boolean more) {
    if (firstId != null && isDescending()) {
      return new Paging(PageCursor.after(lastId), more ? PageCursor.before(firstId) : null);
    }
    return Paging.forward(query, firstId, lastId, more);
  }

  private long offset() {
    return cursor != null && cursor.direction() == PageCursor.Direction.OFFSET ? cursor.offset() : 0;
  }

  private boolean isKeyset() {
    return cursor != null && cursor.direction() != PageCursor.Direction.OFFSET;
  }
}
