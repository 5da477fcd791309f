package io.urbis.cql2;

import java.util.Map;
import java.util.Optional;

/**
 * The properties a collection lets filters use, by exact name. A geometry queryable (type {@code GEOMETRY}) names the
 * feature geometry, under whatever name the collection publishes ({@code geom}, {@code geometry}, ...).
 */
public record Queryables(Map<String, QueryableType> types) {

  public Queryables {
    types = Map.copyOf(types);
  }

  public Optional<QueryableType> typeOf(String property) {
    return Optional.ofNullable(types.get(property));
  }
}
