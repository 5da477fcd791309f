package io.urbis.encode;

import java.util.List;

/** The collections document (OGC 17-069r4, 7.13). */
public record CollectionList(List<Link> links, List<CollectionDescription> collections) {}
