package io.urbis;

import io.urbis.access.AccessPolicy;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import io.urbis.config.ConfigException;
import io.urbis.config.EditingConfig;
import io.urbis.source.FeatureEditor;
import io.urbis.source.FeatureSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Readies the collections some role may write, when the server starts: each source's editor checks that they can be
 * written and creates its audit trail, so that a collection that cannot be written fails the start with the fix
 * rather than every write with a 500.
 */
final class WritableCollections {

  private WritableCollections() {}

  /**
   * @throws ConfigException when the editing settings name an unknown collection, or a writable collection's source
   *     cannot write it
   */
  static void open(Catalog catalog, AccessPolicy access, EditingConfig editing) {
    editing.check(catalog.collections().stream().map(Collection::id).collect(Collectors.toSet()));
    Map<FeatureSource, List<Collection>> bySource = new LinkedHashMap<>();
    for (String id : access.writableCollections()) {
      Collection collection = catalog.find(id).orElseThrow();
      bySource.computeIfAbsent(collection.source(), source -> new ArrayList<>()).add(collection);
    }
    bySource.forEach((source, writable) -> {
      FeatureEditor editor = source.editor().orElseThrow(() -> new ConfigException("access.collections."
          + writable.get(0).id() + ": " + source.label() + " cannot change its features; give no role write access to"
          + " " + writable.stream().map(Collection::id).toList()));
      editor.open(writable);
    });
  }
}
