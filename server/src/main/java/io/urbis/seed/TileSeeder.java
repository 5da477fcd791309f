package io.urbis.seed;

import io.urbis.api.TiledData;
import io.urbis.api.VectorTiles;
import io.urbis.cache.TileBytes;
import io.urbis.catalog.Collection;
import io.urbis.console.ProgressBar;
import io.urbis.tiles.TileAddress;
import io.urbis.tiles.TileMatrix;
import io.urbis.tiles.TileMatrixLimits;
import io.urbis.tiles.TileMatrixSet;
import io.urbis.tiles3d.TileId;
import io.urbis.tiles3d.TileIndex;
import io.urbis.tiles3d.Tiles3dService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds tiles ahead of time through the same caches the server reads, so each lands on disk under the key a
 * request will look for. Plans every tile first, so the progress bar knows the total.
 */
public final class TileSeeder {

  private final ProgressBar progress;
  private final List<Supplier<TileBytes>> planned = new ArrayList<>();

  public TileSeeder(ProgressBar progress) {
    this.progress = progress;
  }

  /** Every vector tile of each collection's tile set within its limits on the zoom levels {@code zooms}. */
  public void planVectorTiles(VectorTiles tiles, List<Collection> collections, TileMatrixSet set,
      List<TileMatrix> zooms) {
    for (Collection collection : collections) {
      TiledData data = TiledData.of(collection);
      for (TileMatrixLimits limits : tiles.limits(data, set)) {
        zooms.stream().filter(m -> m.id().equals(limits.tileMatrix())).findFirst().ifPresent(matrix -> {
          for (long row = limits.minTileRow(); row <= limits.maxTileRow(); row++) {
            for (long col = limits.minTileCol(); col <= limits.maxTileCol(); col++) {
              TileAddress address = new TileAddress(set, matrix, row, col);
              planned.add(() -> tiles.tile(data, address));
            }
          }
        });
      }
    }
  }

  /** The tileset, every subtree and every tile with content of each collection that has 3D tiles. */
  public void plan3dTiles(Tiles3dService tiles, List<Collection> collections) {
    for (Collection collection : collections.stream().filter(tiles::offers).toList()) {
      TileIndex index = tiles.index(collection);
      planned.add(() -> tiles.tileset(collection));
      for (TileId root : index.subtreeRoots()) {
        planned.add(() -> tiles.subtree(collection, root));
      }
      for (TileId tile : index.contentTiles()) {
        planned.add(() -> tiles.content(collection, tile));
      }
    }
  }

  /**
   * Builds (or finds in the cache) every planned tile. A tile that fails is counted and the seeding goes on; each
   * distinct error is shown once, since a collection that cannot be tiled fails the same way for every tile.
   */
  public SeedSummary run() {
    long empty = 0;
    long bytes = 0;
    long failed = 0;
    Set<String> errors = new HashSet<>();
    for (int i = 0; i < planned.size(); i++) {
      try {
        TileBytes tile = planned.get(i).get();
        empty += tile.content().length == 0 ? 1 : 0;
        bytes += tile.content().length;
      } catch (RuntimeException e) {
        failed++;
        if (errors.add(e.getMessage())) {
          progress.println("urbis seed: " + e.getMessage());
        }
      }
      progress.update((i + 1.0) / planned.size(), i + 1);
    }
    progress.clear();
    return new SeedSummary(planned.size() - failed, empty, failed, bytes, progress.seconds());
  }
}
