package io.urbis.api;

import io.urbis.cache.TileBytes;
import io.urbis.cache.TileCache;
import io.urbis.catalog.Collection;
import io.urbis.catalog.SpatialExtent;
import io.urbis.error.NotFoundException;
import io.urbis.tiles.TileAddress;
import io.urbis.tiles.TileDataArea;
import io.urbis.tiles.TileMatrixLimits;
import io.urbis.tiles.TileMatrixSet;
import io.urbis.tiles.TileSettings;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Builds tiles and keeps them in a cache: checks the address against the tile set's limits (404 outside them, OGC 20-057 /req/core/tc-error),
 * has {@link TileBuilder} build them within the tile budget, and tells from which tile matrix on each layer is
 * complete ({@link CompleteZooms}).
 */
public final class VectorTiles {

  private final TileSettings settings;
  private final TileCache cache;
  /**
   * Limits per tile set, its audience's visibility and tile matrix set, with the extent they were computed for:
   * projecting an extent for every tile request would be waste, and the extent follows the data.
   */
  private final Map<String, ExtentLimits> limits = new ConcurrentHashMap<>();
  private final TileBuilder builder;
  private final CompleteZooms completeZooms;
  /** Per tile set, audience and tile matrix set: where its layers are complete, for the data versions it was found. */
  private final Map<String, Completeness> complete = new ConcurrentHashMap<>();

  private record ExtentLimits(SpatialExtent extent, List<TileMatrixLimits> limits) {}

  private record Completeness(String versions, Map<String, String> fromMatrix) {}

  public VectorTiles(TileSettings settings) {
    this.settings = settings;
    this.cache = new TileCache(settings.cacheBytes(), settings.cacheDirectory());
    this.builder = new TileBuilder(settings.properties(), settings.budget());
    this.completeZooms = new CompleteZooms(builder, settings.budget());
  }

  TileSettings settings() {
    return settings;
  }

  /** The tiles of each matrix that hold data, as the data is now. */
  public List<TileMatrixLimits> limits(TiledData data, TileMatrixSet set) {
    SpatialExtent extent = data.extent();
    String key = set.id() + "\n" + data.id() + "\n" + data.visibility();
    return limits.compute(key, (k, known) -> known != null && Objects.equals(known.extent(), extent) ? known
        : new ExtentLimits(extent, TileDataArea.limits(set, extent))).limits();
  }

  /**
   * The id of the first tile matrix of {@code set} from which each layer (by id) of the tile set is complete: every
   * feature with its whole geometry; layers not found complete are left out. Found again when the data changes.
   */
  public Map<String, String> completeFrom(TiledData data, TileMatrixSet set) {
    String key = set.id() + "\n" + data.id() + "\n" + data.visibility();
    String versions = data.layers().stream().map(layer -> layer.id() + "@" + layer.data().version())
        .collect(Collectors.joining("|"));
    Completeness known = complete.get(key);
    if (known == null || !known.versions().equals(versions)) {
      known = new Completeness(versions, completeZooms.find(data, set, limits(data, set)));
      complete.put(key, known);
    }
    return known.fromMatrix();
  }

  /**
   * The tile from the cache, or built and cached; no bytes when no feature is in it. The key holds every layer's
   * data version, so a change to any layer's data builds the tile anew, and the visibility of each narrowed layer, so
   * that audiences with different rules never share a tile. A whole layer's part is what it was before access rules,
   * so that tiles seeded then (seeding builds whole collections) are still found; the tile budget ends the key, as
   * another budget makes other tiles.
   */
  public TileBytes tile(TiledData data, TileAddress address) {
    requireWithinLimits(data, address);
    int zoom = Integer.parseInt(address.tileMatrix().id());
    return cache.get(key(data, address, zoom), () -> builder.build(data, address));
  }

  private String key(TiledData data, TileAddress address, int zoom) {
    StringBuilder key = new StringBuilder("mvt|").append(data.id());
    for (Collection layer : data.layers()) {
      key.append('|').append(layer.id());
      if (!layer.isWhole()) {
        key.append('#').append(layer.visibility());
      }
      key.append('@').append(layer.data().version()).append(settings.properties().forZoom(layer, zoom));
    }
    return key.append('|').append(address.tileMatrixSet().id()).append('/').append(zoom).append('/')
        .append(address.row()).append('/').append(address.col()).append('|').append(settings.budget().key())
        .toString();
  }

  /** An empty tile set (no data at all) has no limits: its tiles are empty, not missing. */
  private void requireWithinLimits(TiledData data, TileAddress address) {
    if (data.extent() == null) {
      return;
    }
    boolean inside = limits(data, address.tileMatrixSet()).stream()
        .anyMatch(l -> l.tileMatrix().equals(address.tileMatrix().id()) && l.contains(address.row(), address.col()));
    if (!inside) {
      throw new NotFoundException("Tile " + address.tileMatrix().id() + "/" + address.row() + "/" + address.col()
          + " of " + address.tileMatrixSet().id() + " is outside the tile set's limits: it holds no data");
    }
  }
}
