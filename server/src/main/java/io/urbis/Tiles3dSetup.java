package io.urbis;

import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import io.urbis.config.ConfigException;
import io.urbis.config.Tiles3dConfig;
import io.urbis.source.Extrusion;
import io.urbis.tiles3d.MeshEncoding;
import io.urbis.tiles3d.Tiles3dSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Turns the {@code tiles3d} configuration into settings, checking every named collection and column. */
final class Tiles3dSetup {

  private Tiles3dSetup() {}

  static Tiles3dSettings settings(Tiles3dConfig config, Catalog catalog, Path cacheDirectory) {
    Map<String, Extrusion> extrusions = new HashMap<>();
    config.extrude().forEach((id, columns) -> {
      String key = "tiles3d.extrude." + id;
      Collection collection = collection(catalog, key, id);
      requireColumn(collection, key + ".height", columns.height());
      if (columns.base() != null) {
        requireColumn(collection, key + ".base", columns.base());
      }
      extrusions.put(id, new Extrusion(columns.height(), columns.base()));
    });
    config.properties().forEach((id, names) -> {
      String key = "tiles3d.properties." + id;
      Collection collection = collection(catalog, key, id);
      names.forEach(name -> requireColumn(collection, key, name));
    });
    return new Tiles3dSettings(config.geoidOffset(), extrusions, config.properties(),
        new MeshEncoding(config.normals(), config.compress()),
        Tiles3dSettings.DEFAULT_CACHE_BYTES, cacheDirectory);
  }

  private static Collection collection(Catalog catalog, String key, String id) {
    return catalog.find(id).orElseThrow(() -> new ConfigException(key + ": there is no collection '" + id
        + "'; collections: " + catalog.collections().stream().map(Collection::id).toList()));
  }

  private static void requireColumn(Collection collection, String key, String column) {
    if (collection.property(column).isEmpty()) {
      throw new ConfigException(key + ": '" + column + "' is not a property of " + collection.id() + "; it has "
          + collection.properties().stream().map(p -> p.name()).toList());
    }
  }
}
