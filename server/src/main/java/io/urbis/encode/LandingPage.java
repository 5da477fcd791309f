package io.urbis.encode;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The landing page document (OGC 17-069r4, 7.2). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LandingPage(String title, String description, List<Link> links) {}
