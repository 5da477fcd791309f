package io.urbis.encode;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One collection's metadata (OGC 17-069r4, 7.14). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CollectionDescription(
    String id,
    String title,
    String description,
    List<Link> links,
    Extent extent,
    String itemType,
    List<String> crs,
    String storageCrs) {}
