package io.urbis.query;

/** The cursors of the pages before and after one page; null where there is no such page. */
public record Paging(PageCursor next, PageCursor prev) {

  public static final Paging NONE = new Paging(null, null);
}
