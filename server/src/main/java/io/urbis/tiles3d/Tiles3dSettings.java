package io.urbis.tiles3d;

import io.urbis.source.Extrusion;
import io.urbis.catalog.Collection;
import io.urbis.catalog.Property;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How 3D tiles are made.
 *
 * @param geoidOffset metres added to every stored height to make it ellipsoidal, as 3D Tiles needs: 0 when heights
 *     are ellipsoidal already; about 47 for heights above sea level (NHN) in Germany, where the geoid lies 36-50 m
 *     above the GRS80 ellipsoid
 * @param extrusions by collection id, how 2D footprints become block models
 * @param properties by collection id, the properties its tiles carry besides the feature id; all when absent
 * @param encoding how meshes are written: with normals or not, compressed or not
 * @param cacheBytes how many bytes of built tiles the memory cache keeps
 * @param cacheDirectory where built tiles are kept on disk, or null
 */
public record Tiles3dSettings(double geoidOffset, Map<String, Extrusion> extrusions,
    Map<String, List<String>> properties, MeshEncoding encoding, long cacheBytes, Path cacheDirectory) {

  public static final long DEFAULT_CACHE_BYTES = 256L << 20;
  public static final Tiles3dSettings DEFAULTS =
      new Tiles3dSettings(0, Map.of(), Map.of(), MeshEncoding.DEFAULT, DEFAULT_CACHE_BYTES, null);

  public Tiles3dSettings {
    extrusions = Map.copyOf(extrusions);
    properties = Map.copyOf(properties);
  }

  /** How the collection's footprints become blocks, or null when it is 3D or not extruded. */
  public Extrusion extrusion(Collection collection) {
    return collection.is3d() ? null : extrusions.get(collection.id());
  }

  /** The collection's properties its tiles carry. */
  public List<Property> tileProperties(Collection collection) {
    List<String> selected = properties.get(collection.id());
    return selected == null ? collection.properties()
        : collection.properties().stream().filter(p -> selected.contains(p.name())).toList();
  }
}
