package io.urbis.download;

import io.urbis.catalog.Collection;
import io.urbis.query.FeatureQuery;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import java.io.Closeable;

/**
 * The features of a download: the whole selection of an items query, read page after page from its source (each page
 * streamed from the database, never held), up to the limit the request gave.
 *
 * <p>OGC 17-069r4, /req/core/fc-limit-response-1, lets no response hold more features than the {@code limit} it was
 * asked for, so an explicit {@code limit} (clamped to the API's maximum, as for every format) bounds a download too.
 * The default limit only sizes pages, and a file has no {@code next} link to reach the rest, so a download without
 * {@code limit} is the whole selection.
 */
final class WholeSelection implements Closeable {

  /** Features per source query; the pages follow one another through their keyset cursors. */
  static final int PAGE_SIZE = 10_000;

  private final Collection collection;
  private final FeatureQuery query;
  private final int pageSize;
  private long remaining;
  private FeatureStream page;

  /**
   * @param limit the most features to deliver, or null for all of them
   */
  WholeSelection(Collection collection, FeatureQuery query, Integer limit) {
    this(collection, query, limit, PAGE_SIZE);
  }

  WholeSelection(Collection collection, FeatureQuery query, Integer limit, int pageSize) {
    this.collection = collection;
    this.pageSize = pageSize;
    this.remaining = limit == null ? Long.MAX_VALUE : limit;
    this.query = query.withLimit((int) Math.min(pageSize, remaining));
    this.page = collection.source().query(collection, this.query);
  }

  /** The next feature, or null when the selection (or the limit) is exhausted. */
  EncodedFeature next() {
    while (remaining > 0) {
      EncodedFeature feature = page.next();
      if (feature != null) {
        remaining--;
        return feature;
      }
      if (page.paging().next() == null) {
        return null;
      }
      FeatureQuery nextQuery = query.withCursor(page.paging().next())
          .withLimit((int) Math.min(pageSize, remaining));
      page.close();
      page = collection.source().query(collection, nextQuery);
    }
    return null;
  }

  @Override
  public void close() {
    page.close();
  }
}
