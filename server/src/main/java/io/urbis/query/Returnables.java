package io.urbis.query;

import java.util.Set;

/**
 * What of each feature a response carries (OGC 23-058, Part 5): the properties named by {@code properties} (null:
 * all of them), and the geometry unless {@code skipGeometry}.
 */
public record Returnables(Set<String> properties, boolean skipGeometry) {

  public static final Returnables ALL = new Returnables(null, false);

  public Returnables {
    properties = properties == null ? null : Set.copyOf(properties);
  }

  public boolean includes(String property) {
    return properties == null || properties.contains(property);
  }
}
