package io.urbis.seed;

import io.urbis.api.TiledData;
import io.urbis.api.VectorTiles;
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
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Builds tiles ahead of time through the same caches the server reads, so each lands on disk under the key a
 * request will look for. Plans every tile first, so the progress bar knows the total; then builds on a fixed number
 * of threads, a few jobs at a time, so that memory holds only the tiles being built.
 */
public final class TileSeeder {

  /** Jobs handed to the threads ahead of those they are running, so no thread waits for the next. */
  private static final int QUEUED_PER_THREAD = 2;

  private final ProgressBar progress;
  private final int threads;
  private final List<SeedJob> planned = new ArrayList<>();
  private long plannedTiles;

  /** A seeder that builds on {@code threads} threads. */
  public TileSeeder(ProgressBar progress, int threads) {
    this.progress = progress;
    this.threads = threads;
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
              plan(SeedJob.of(() -> tiles.tile(data, address)));
            }
          }
        });
      }
    }
  }

  /**
   * The tileset, every subtree and every tile with content of each collection that has 3D tiles; the tiles with
   * content in batches, each read with one query.
   */
  public void plan3dTiles(Tiles3dService tiles, List<Collection> collections) {
    for (Collection collection : collections.stream().filter(tiles::offers).toList()) {
      TileIndex index = tiles.index(collection);
      plan(SeedJob.of(() -> tiles.tileset(collection)));
      for (TileId root : index.subtreeRoots()) {
        plan(SeedJob.of(() -> tiles.subtree(collection, root)));
      }
      for (List<TileId> batch : tiles.contentBatches(collection)) {
        int features = batch.stream().mapToInt(tile -> index.featureIds(tile).size()).sum();
        plan(new SeedJob(batch.size(), features, () -> new SeedJob.Built(0, tiles.seedContents(collection, batch))));
      }
    }
  }

  private void plan(SeedJob job) {
    planned.add(job);
    plannedTiles += job.tiles();
  }

  /**
   * Builds (or finds in the cache) every planned tile. A tile that fails is counted and the seeding goes on; each
   * distinct error is shown once, since a collection that cannot be tiled fails the same way for every tile.
   */
  public SeedSummary run() {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CompletionService<SeedJob.Outcome> running = new ExecutorCompletionService<>(pool);
      int submitted = 0;
      for (; submitted < Math.min(planned.size(), threads * (1 + QUEUED_PER_THREAD)); submitted++) {
        running.submit(planned.get(submitted)::run);
      }
      SeedTally tally = new SeedTally();
      Set<String> errors = new HashSet<>();
      for (int done = 0; done < planned.size(); done++) {
        SeedJob.Outcome outcome = next(running);
        if (submitted < planned.size()) {
          running.submit(planned.get(submitted++)::run);
        }
        tally.add(outcome);
        if (outcome.failure() != null && errors.add(outcome.failure().getMessage())) {
          progress.println("urbis seed: " + outcome.failure().getMessage());
        }
        progress.update((double) tally.tiles() / plannedTiles, tally.tiles());
      }
      progress.clear();
      return tally.summary(progress.seconds());
    } finally {
      pool.shutdownNow();
    }
  }

  private static SeedJob.Outcome next(CompletionService<SeedJob.Outcome> running) {
    try {
      return running.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("seeding was interrupted", e);
    } catch (ExecutionException e) {
      // jobs return their exceptions as outcomes; what comes here is an Error
      throw (Error) e.getCause();
    }
  }
}
