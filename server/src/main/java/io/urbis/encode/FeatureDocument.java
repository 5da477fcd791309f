package io.urbis.encode;

import io.urbis.catalog.Collection;
import io.urbis.source.EncodedFeature;
import java.util.List;

/** One feature with its links (OGC 17-069r4, 7.16). */
public record FeatureDocument(Collection collection, EncodedFeature feature, List<Link> links) {}
