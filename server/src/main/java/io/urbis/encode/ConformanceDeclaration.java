package io.urbis.encode;

import java.util.List;

/** The conformance declaration (OGC 17-069r4, 7.4), with links for its HTML page. */
public record ConformanceDeclaration(List<String> conformsTo, List<Link> links) {}
