package io.urbis.source.postgis;

import io.urbis.query.Paging;
import io.urbis.source.EncodedFeature;
import io.urbis.source.FeatureStream;
import io.urbis.source.JoinedFeatures;
import java.util.Optional;
import java.util.OptionalLong;

/** A page PostgreSQL wrote as GeoJSON text, read in full: nothing stays open. */
final class JoinedFeatureStream implements FeatureStream {

  private final JoinedFeatures features;
  private final Paging paging;
  private final OptionalLong numberMatched;

  JoinedFeatureStream(JoinedFeatures features, Paging paging, OptionalLong numberMatched) {
    this.features = features;
    this.paging = paging;
    this.numberMatched = numberMatched;
  }

  @Override
  public Optional<JoinedFeatures> joinedGeoJson() {
    return Optional.of(features);
  }

  /** None one by one: they are all in {@link #joinedGeoJson()}. */
  @Override
  public EncodedFeature next() {
    return null;
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
    // read in full when opened
  }
}
