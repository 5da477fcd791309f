package io.urbis.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.urbis.crs.Crs;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTest {

  private static final int LIMIT = 10;

  @Test
  void anUnsortedPageReachedByOffsetLinksItsNeighboursByKey() {
    assertEquals(new Paging(PageCursor.after(40L), PageCursor.before(31L)),
        Paging.forward(query(PageCursor.offset(25), List.of()), 31L, 40L, true));
  }

  @Test
  void theLastPageHasNoNextAndTheFirstNoPrev() {
    assertEquals(new Paging(null, PageCursor.before(31L)),
        Paging.forward(query(PageCursor.after(30L), List.of()), 31L, 40L, false));
    assertEquals(new Paging(PageCursor.after(10L), null),
        Paging.forward(query(PageCursor.offset(0), List.of()), 1L, 10L, true));
    assertEquals(new Paging(PageCursor.after(10L), null), Paging.forward(query(null, List.of()), 1L, 10L, true));
  }

  @Test
  void aSortedPageLinksItsNeighboursByPosition() {
    List<SortKey> byHeight = List.of(new SortKey("height", true));
    assertEquals(new Paging(PageCursor.offset(35), PageCursor.offset(15)),
        Paging.forward(query(PageCursor.offset(25), byHeight), 7L, 3L, true));
    assertEquals(new Paging(null, PageCursor.offset(0)),
        Paging.forward(query(PageCursor.offset(4), byHeight), 7L, 3L, false));
  }

  @Test
  void anEmptyPageHasNoNeighbours() {
    assertEquals(Paging.NONE, Paging.forward(query(PageCursor.offset(5000), List.of()), null, null, false));
  }

  private static FeatureQuery query(PageCursor cursor, List<SortKey> sortby) {
    return new FeatureQuery(null, null, LIMIT, cursor, List.of(), Crs.CRS84, null, Returnables.ALL, sortby);
  }
}
