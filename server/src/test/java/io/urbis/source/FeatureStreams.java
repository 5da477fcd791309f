package io.urbis.source;

import java.util.ArrayList;
import java.util.List;

/** Reads pages of a source in tests as the API layer does: to the end of the stream. */
public final class FeatureStreams {

  private FeatureStreams() {}

  /** Every feature left in {@code page}, in order. */
  public static List<EncodedFeature> drain(FeatureStream page) {
    List<EncodedFeature> features = new ArrayList<>();
    for (EncodedFeature feature = page.next(); feature != null; feature = page.next()) {
      features.add(feature);
    }
    return features;
  }
}
