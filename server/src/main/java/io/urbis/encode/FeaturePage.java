package io.urbis.encode;

import io.urbis.catalog.Collection;
import io.urbis.query.Paging;
import io.urbis.source.FeatureStream;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A page of features on its way out: the open stream, and how to make the links once the stream has told where
 * the neighbouring pages start.
 */
public record FeaturePage(
    Collection collection, FeatureStream features, Function<Paging, List<Link>> links, Instant timeStamp) {}
