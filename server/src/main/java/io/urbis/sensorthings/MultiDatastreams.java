package io.urbis.sensorthings;

/** What 18-088 clause 14 fixes for every MultiDatastream. */
final class MultiDatastreams {

  /** 18-088 Table 29: a MultiDatastream's observationType is always a complex observation. */
  static final String OBSERVATION_TYPE =
      "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_ComplexObservation";

  private MultiDatastreams() {}
}
