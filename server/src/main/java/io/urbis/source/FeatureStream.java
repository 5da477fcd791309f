package io.urbis.source;

import io.urbis.query.Paging;
import java.io.Closeable;
import java.util.OptionalLong;

/**
 * One page of features, read lazily from an open query. The query runs when the stream is opened, so a
 * database fault surfaces before any byte of the response is written; features are then pulled one at a time
 * and never held together in memory.
 */
public interface FeatureStream extends Closeable {

  /** The next feature, or null at the end of the page. Read failures are {@link SourceFailureException}s. */
  EncodedFeature next();

  /** The cursors to the neighbouring pages; valid once {@link #next()} has returned null. */
  Paging paging();

  /**
   * The number of features matching the query over all pages, when the source can tell it cheaply; when told, it is
   * exact.
   */
  OptionalLong numberMatched();

  @Override
  void close();
}
