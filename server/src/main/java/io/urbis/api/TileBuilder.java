package io.urbis.api;

import io.urbis.catalog.Collection;
import io.urbis.tiles.TileAddress;
import io.urbis.tiles.TileBudget;
import io.urbis.tiles.TileMatrix;
import io.urbis.tiles.TileProperties;
import io.urbis.tiles.TileReduction;
import io.urbis.tiles.TileRequest;
import io.urbis.tiles.TmsProjection;
import io.urbis.tiles.mvt.MvtFeatureCount;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one tile of a tile set within the {@link TileBudget}: each layer from its source, joined (protobuf
 * concatenation merges them). The budget is shared as water fills vessels: the layers, lightest first, are kept
 * whole while each fits an equal share of what the lighter ones left; the heavier ones share the rest equally, each
 * reduced level by level until it fits its share. A layer whose whole tile surely exceeds the budget
 * ({@link io.urbis.source.FeatureSource#wholeTileFloor}) is not drawn whole first. So a tile that fits is exactly what
 * it was before there was a budget, and which tiles are reduced, and how, follows from the data alone: every server
 * builds the same bytes.
 */
final class TileBuilder {

  private static final Logger LOG = LoggerFactory.getLogger(TileBuilder.class);
  /** The buffer around a tile in pixels of its matrix: where reduced features still come from. */
  private static final double BUFFER_SHARE = (double) TileRequest.BUFFER / TileRequest.EXTENT;

  private final TileProperties properties;
  private final TileBudget budget;

  TileBuilder(TileProperties properties, TileBudget budget) {
    this.properties = properties;
    this.budget = budget;
  }

  /** The tile's bytes, and which layers were kept whole. */
  record Built(byte[] bytes, List<Boolean> whole) {}

  /** How the budget falls to the layers of one tile: the whole layers drawn, the others' shares. */
  record Plan(List<byte[]> wholeLayers, List<Long> shares) {

    boolean isWhole(int layer) {
      return wholeLayers.get(layer) != null;
    }
  }

  Built build(TiledData data, TileAddress address) {
    List<TileRequest> requests = requests(data, address);
    Plan plan = plan(data.layers(), requests);
    ByteArrayOutputStream tile = new ByteArrayOutputStream();
    List<Boolean> whole = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      whole.add(plan.isWhole(i));
      tile.writeBytes(plan.isWhole(i) ? plan.wholeLayers().get(i)
          : reduced(data.layers().get(i), requests.get(i), plan.shares().get(i)));
    }
    return new Built(tile.toByteArray(), List.copyOf(whole));
  }

  /** Which layers of the tile stay whole (those are drawn), and the share of the budget each of the others gets. */
  Plan plan(TiledData data, TileAddress address) {
    return plan(data.layers(), requests(data, address));
  }

  private Plan plan(List<Collection> layers, List<TileRequest> requests) {
    List<byte[]> wholeLayers = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Collection layer = layers.get(i);
      boolean cannotFit = layer.source().wholeTileFloor(layer, requests.get(i)) > budget.maxTileBytes();
      wholeLayers.add(cannotFit ? null : layer.source().tile(layer, requests.get(i)));
    }
    List<Integer> lightestFirst = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      lightestFirst.add(i);
    }
    lightestFirst.sort(Comparator.comparingLong(i -> wholeLayers.get(i) == null ? Long.MAX_VALUE
        : wholeLayers.get(i).length));
    long left = budget.maxTileBytes();
    int sharing = layers.size();
    List<Long> shares = new ArrayList<>(Collections.nCopies(layers.size(), 0L));
    for (int i : lightestFirst) {
      byte[] layer = wholeLayers.get(i);
      if (layer != null && layer.length <= left / sharing) {
        left -= layer.length;
        sharing--;
      } else {
        wholeLayers.set(i, null);
        shares.set(i, left / sharing);
      }
    }
    return new Plan(wholeLayers, shares);
  }

  /** The whole layers of the tile, as sources take them. */
  private List<TileRequest> requests(TiledData data, TileAddress address) {
    Envelope window = TmsProjection.of(address.tileMatrixSet()).toCrs84(address.bufferedEnvelope());
    int zoom = Integer.parseInt(address.tileMatrix().id());
    return data.layers().stream().map(layer -> new TileRequest(address, window, properties.forZoom(layer, zoom)))
        .toList();
  }

  /**
   * The layer reduced until it fits {@code share}: level 0 first, then the level its size and feature count say
   * should fit (thinning keeps at most a feature and a block per cell), then level by level; at the last level, what
   * it is.
   */
  private byte[] reduced(Collection layer, TileRequest whole, long share) {
    TileMatrix matrix = whole.address().tileMatrix();
    int last = budget.lastLevel(matrix);
    int level = 0;
    byte[] tile = layer.source().tile(layer, whole.reduced(budget.reduction(matrix, level)));
    while (tile.length > share && level < last) {
      level = Math.min(last, Math.max(level + 1, fittingLevel(matrix, tile, share)));
      tile = layer.source().tile(layer, whole.reduced(budget.reduction(matrix, level)));
    }
    LOG.debug("Tile {}/{}/{} of {}: layer {} reduced to level {}, {} bytes", matrix.id(), whole.address().row(),
        whole.address().col(), whole.tileMatrixSet().id(), layer.id(), level, tile.length);
    if (tile.length > share) {
      LOG.warn("Tile {}/{}/{} of {}: layer {} takes {} bytes at its coarsest reduction, more than its {}",
          matrix.id(), whole.address().row(), whole.address().col(), whole.tileMatrixSet().id(), layer.id(),
          tile.length, share);
    }
    return tile;
  }

  /** The first level at which a tile of this many bytes a feature, a feature and a block per cell, fits. */
  private int fittingLevel(TileMatrix matrix, byte[] tile, long share) {
    long features = Math.max(1, MvtFeatureCount.of(tile));
    double bytesPerFeature = (double) tile.length / features;
    double pixels = matrix.tileSize() * (1 + 2 * BUFFER_SHARE);
    int level = 1;
    while (level < budget.lastLevel(matrix)) {
      double cellsAcross = pixels / (budget.minimumSizeInPixels() * Math.pow(2, level));
      if (Math.min(features, 2 * cellsAcross * cellsAcross) * bytesPerFeature <= share) {
        break;
      }
      level++;
    }
    return level;
  }
}
