package io.urbis.source.geopackage;

import io.urbis.catalog.Collection;
import io.urbis.query.FeatureQuery;
import io.urbis.query.Paging;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureSource;
import io.urbis.source.FeatureStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Reads pages of a source the way the API layer does: to the end of the stream, then its cursors. */
final class PageWalker {

  /** The ids of one page in order, its neighbours and numberMatched. */
  record Page(List<Long> ids, Paging paging, OptionalLong numberMatched) {}

  private PageWalker() {}

  static Page page(FeatureSource source, Collection collection, FeatureQuery query) {
    try (FeatureStream stream = source.query(collection, query)) {
      List<Long> ids = new ArrayList<>();
      for (EncodedFeature feature = stream.next(); feature != null; feature = stream.next()) {
        ids.add((Long) feature.id());
      }
      return new Page(ids, stream.paging(), stream.numberMatched());
    }
  }

  /** The ids of {@code first} and of every page after it, following next cursors to the end. */
  static List<Long> idsFollowingNext(FeatureSource source, Collection collection, FeatureQuery first) {
    List<Long> ids = new ArrayList<>();
    FeatureQuery query = first;
    while (query != null) {
      Page page = page(source, collection, query);
      ids.addAll(page.ids());
      query = page.paging().next() == null
          ? null
          : first.withCursor(page.paging().next());
    }
    return ids;
  }
}
