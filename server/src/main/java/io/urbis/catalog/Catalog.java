package io.urbis.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The published collections, in publication order, by id. Immutable. */
public final class Catalog {

  private final Map<String, Collection> byId;

  public Catalog(List<Collection> collections) {
    Map<String, Collection> map = new LinkedHashMap<>();
    for (Collection collection : collections) {
      if (map.putIfAbsent(collection.id(), collection) != null) {
        throw new IllegalArgumentException("duplicate collection id " + collection.id());
      }
    }
    this.byId = map;
  }

  public List<Collection> collections() {
    return List.copyOf(byId.values());
  }

  /** The ids of the collections. */
  public Set<String> ids() {
    return Set.copyOf(byId.keySet());
  }

  public Optional<Collection> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }
}
