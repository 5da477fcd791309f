package io.urbis.query;

/** The cursors of the pages before and after one page; null where there is no such page. */
public record Paging(PageCursor next, PageCursor prev) {

  public static final Paging NONE = new Paging(null, null);

  /**
   * The neighbours of a page of {@code query} read forward (from its start onwards) from {@code firstKey} to
   * {@code lastKey}; {@code more} tells whether a feature follows the page. Sorted pages are found by position.
   * Pages in id order are linked by key, also when the page itself was reached by an {@code offset}, so that the
   * pages after it cost what the first costs. An empty page has no neighbours.
   */
  public static Paging forward(FeatureQuery query, Object firstKey, Object lastKey, boolean more) {
    if (firstKey == null) {
      return NONE;
    }
    if (!query.sortby().isEmpty()) {
      long offset = query.cursor() == null ? 0 : query.cursor().offset();
      return new Paging(more ? PageCursor.offset(offset + query.limit()) : null,
          offset > 0 ? PageCursor.offset(Math.max(0, offset - query.limit())) : null);
    }
    return new Paging(more ? PageCursor.after(lastKey) : null,
        query.isFirstPage() ? null : PageCursor.before(firstKey));
  }
}
