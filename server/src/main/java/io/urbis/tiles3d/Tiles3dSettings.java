package io.urbis.tiles3d;

import io.urbis.source.Extrusion;
import java.nio.file.Path;
import java.util.Map;

/**
 * How 3D tiles are made.
 *
 * @param geoidOffset metres added to every stored height to make it ellipsoidal, as 3D Tiles needs: 0 when heights
 *     are ellipsoidal already; about 47 for heights above sea level (NHN) in Germany, where the geoid lies 36-50 m
 *     above the GRS80 ellipsoid
 * @param extrusions by collection id, how 2D footprints become block models
 * @param cacheBytes how many bytes of built tiles the memory cache keeps
 * @param cacheDirectory where built tiles are kept on disk, or null
 */
public record Tiles3dSettings(double geoidOffset, Map<String, Extrusion> extrusions, long cacheBytes,
    Path cacheDirectory) {

  public static final long DEFAULT_CACHE_BYTES = 256L << 20;
  public static final Tiles3dSettings DEFAULTS = new Tiles3dSettings(0, Map.of(), DEFAULT_CACHE_BYTES, null);

  public Tiles3dSettings {
    extrusions = Map.copyOf(extrusions);
  }
}
