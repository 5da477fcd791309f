package io.urbis.catalog;

import io.urbis.source.FeatureSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the collections of several sources into one catalog. Ids stay stable: the first source keeps the plain
 * table name; a later collision is prefixed with its source's name, and the log says so.
 */
public final class CatalogBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(CatalogBuilder.class);

  private final List<Collection> collections = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();

  public CatalogBuilder add(String sourceName, FeatureSource source) {
    for (Collection collection : source.discover()) {
      String id = collection.id();
      if (ids.contains(id)) {
        String prefixed = sourceName + "_" + id;
        for (int n = 2; ids.contains(prefixed); n++) {
          prefixed = sourceName + "_" + id + "_" + n;
        }
        LOG.warn("collection id '{}' of {} is taken by an earlier source; published as '{}'", id, source.label(),
            prefixed);
        id = prefixed;
      }
      ids.add(id);
      collections.add(id.equals(collection.id()) ? collection : collection.withId(id));
    }
    return this;
  }

  public Catalog build() {
    return new Catalog(collections);
  }
}
