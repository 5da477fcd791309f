package io.urbis.encode.html;

import io.urbis.query.Paging;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;

/** A page of features from a list, remembering whether it was closed. */
final class FakeFeatureStream implements FeatureStream {

  private final Iterator<EncodedFeature> features;
  private final Paging paging;
  private boolean exhausted;
  boolean closed;

  FakeFeatureStream(List<EncodedFeature> features, Paging paging) {
    this.features = features.iterator();
    this.paging = paging;
  }

  @Override
  public EncodedFeature next() {
    if (features.hasNext()) {
      return features.next();
    }
    exhausted = true;
    return null;
  }

  @Override
  public Paging paging() {
    if (!exhausted) {
      throw new IllegalStateException("paging asked before the end of the page");
    }
    return paging;
  }

  @Override
  public OptionalLong numberMatched() {
    return OptionalLong.of(1234);
  }

  @Override
  public void close() {
    closed = true;
  }
}
