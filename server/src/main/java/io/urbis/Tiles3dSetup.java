package io.urbis;

import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import io.urbis.catalog.GeometryType;
import io.urbis.catalog.JsonType;
import io.urbis.config.ConfigException;
import io.urbis.config.Tiles3dConfig;
import io.urbis.source.Extrusion;
import io.urbis.tiles3d.MeshEncoding;
import io.urbis.tiles3d.Tiles3dSettings;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the {@code tiles3d} configuration into settings, checking every named collection and column. Footprints with
 * a height column of a well-known name are extruded without an {@code extrude} entry ({@code tiles3d.heightColumns}),
 * so that a building layer such as the demo city's is 3D on the first start.
 */
final class Tiles3dSetup {

  private static final Set<GeometryType> FOOTPRINTS = EnumSet.of(GeometryType.POLYGON, GeometryType.MULTIPOLYGON);
  private static final Set<JsonType> NUMBERS = EnumSet.of(JsonType.INTEGER, JsonType.NUMBER);

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
    for (Collection collection : catalog.collections()) {
      if (!extrusions.containsKey(collection.id())) {
        heightColumn(collection, config.heightColumns())
            .ifPresent(height -> extrusions.put(collection.id(), new Extrusion(height, null)));
      }
    }
    config.properties().forEach((id, names) -> {
      String key = "tiles3d.properties." + id;
      Collection collection = collection(catalog, key, id);
      names.forEach(name -> requireColumn(collection, key, name));
    });
    return new Tiles3dSettings(config.geoidOffset(), extrusions, config.properties(),
        new MeshEncoding(config.normals(), config.compress()),
        Tiles3dSettings.DEFAULT_CACHE_BYTES, cacheDirectory);
  }

  /**
   * The column whose height raises the collection's footprints in 3D: its {@code extrude} entry's, else the first of
   * the {@code heightColumns} it has.
   */
  static Optional<String> extrusionHeight(Tiles3dConfig config, Collection collection) {
    Tiles3dConfig.Extrude extrude = config.extrude().get(collection.id());
    return extrude != null ? Optional.of(extrude.height()) : heightColumn(collection, config.heightColumns());
  }

  /**
   * The first of {@code names} that is a numeric property of a collection of 2D polygons (footprints), which then
   * needs no {@code extrude} entry to be raised by it.
   */
  private static Optional<String> heightColumn(Collection collection, List<String> names) {
    if (collection.is3d() || !FOOTPRINTS.contains(collection.geometryType())) {
      return Optional.empty();
    }
    return names.stream()
        .filter(name -> collection.property(name).filter(p -> NUMBERS.contains(p.type())).isPresent())
        .findFirst();
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
