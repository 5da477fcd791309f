package io.urbis.source.geopackage;

import io.urbis.query.Paging;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import java.util.OptionalLong;

/** The page of a cursor that cannot point into the collection (its key is not an id): no features, no neighbours. */
final class EmptyPage implements FeatureStream {

  @Override
  public EncodedFeature next() {
    return null;
  }

  @Override
  public Paging paging() {
    return Paging.NONE;
  }

  @Override
  public OptionalLong numberMatched() {
    return OptionalLong.empty();
  }

  @Override
  public void close() {
    // nothing was opened
  }
}
