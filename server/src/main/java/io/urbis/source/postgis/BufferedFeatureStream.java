package io.urbis.source.postgis;

import io.urbis.query.Paging;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;

/** A page already read into memory: a previous page (read backwards and reversed) or a single feature list. */
final class BufferedFeatureStream implements FeatureStream {

  private final Iterator<EncodedFeature> features;
  private final Paging paging;
  private final OptionalLong numberMatched;

  BufferedFeatureStream(List<EncodedFeature> features, Paging paging, OptionalLong numberMatched) {
    this.features = List.copyOf(features).iterator();
    this.paging = paging;
    this.numberMatched = numberMatched;
  }

  @Override
  public EncodedFeature next() {
    return features.hasNext() ? features.next() : null;
  }

  @Override
  public Paging paging() {
    return paging;
  }

  @Override
  public OptionalLong numberMatched() {
    return numberMatched;
  }

  @Override
  public void close() {
    // nothing is open: the rows were read when the page was built
  }
}
