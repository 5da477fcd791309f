package io.urbis.api;

import io.urbis.catalog.Collection;
import io.urbis.catalog.SpatialExtent;
import io.urbis.tiles.ReducedLayer;
import io.urbis.tiles.TileAddress;
import io.urbis.tiles.TileBudget;
import io.urbis.tiles.TileEnvelope;
import io.urbis.tiles.TileMatrix;
import io.urbis.tiles.TileProperties;
import io.urbis.tiles.TileRequest;
import io.urbis.tiles.TmsProjection;
import io.urbis.tiles.WholeLayerFloor;
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
  /** How much of its share a layer is aimed at when its level is predicted, for the prediction's error. */
  private static final double FILL = 0.85;

  private final TileProperties properties;
  private final TileBudget budget;

  TileBuilder(TileProperties properties, TileBudget budget) {
    this.properties = properties;
    this.budget = budget;
  }

  /** How the budget falls to the layers of one tile: the whole layers drawn, the others' shares and floors. */
  record Plan(List<byte[]> wholeLayers, List<Long> shares, List<WholeLayerFloor> floors) {

    boolean isWhole(int layer) {
      return wholeLayers.get(layer) != null;
    }
  }

  /** The tile: its layers, whole or reduced, joined. */
  byte[] build(TiledData data, TileAddress address) {
    List<TileRequest> requests = requests(data, address);
    Plan plan = plan(data.layers(), requests);
    ByteArrayOutputStream tile = new ByteArrayOutputStream();
    for (int i = 0; i < requests.size(); i++) {
      tile.writeBytes(plan.isWhole(i) ? plan.wholeLayers().get(i)
          : reduced(data.layers().get(i), requests.get(i), plan.shares().get(i), plan.floors().get(i)));
    }
    return tile.toByteArray();
  }

  /** Which layers of the tile stay whole (those are drawn), and the share of the budget each of the others gets. */
  Plan plan(TiledData data, TileAddress address) {
    return plan(data.layers(), requests(data, address));
  }

  private Plan plan(List<Collection> layers, List<TileRequest> requests) {
    List<byte[]> wholeLayers = new ArrayList<>();
    List<WholeLayerFloor> floors = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Collection layer = layers.get(i);
      WholeLayerFloor floor = layer.source().wholeTileFloor(layer, requests.get(i));
      floors.add(floor);
      wholeLayers.add(floor.bytes() > budget.maxTileBytes() ? null : layer.source().tile(layer, requests.get(i)));
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
    return new Plan(wholeLayers, shares, floors);
  }

  /** The whole layers of the tile, as sources take them. */
  private List<TileRequest> requests(TiledData data, TileAddress address) {
    Envelope window = TmsProjection.of(address.tileMatrixSet()).toCrs84(address.bufferedEnvelope());
    int zoom = Integer.parseInt(address.tileMatrix().id());
    return data.layers().stream().map(layer -> new TileRequest(address, window, properties.forZoom(layer, zoom)))
        .toList();
  }

  /**
   * The layer reduced until it fits {@code share}: first at the level its floor says it may fit, then at the first
   * level whose occupied cells (each keeps at most a feature and a block) should fit at the bytes a feature took,
   * then level by level; at the last level, what it is.
   */
  private byte[] reduced(Collection layer, TileRequest whole, long share, WholeLayerFloor floor) {
    TileMatrix matrix = whole.address().tileMatrix();
    int level = firstLevel(layer, whole, share, floor);
    ReducedLayer tile = layer.source().reducedTile(layer, whole.reduced(budget.reduction(matrix, level)));
    while (tile.tile().length > share && level < budget.lastLevel(matrix)) {
      level = fittingLevel(layer, level, tile, share);
      tile = layer.source().reducedTile(layer, whole.reduced(budget.reduction(matrix, level)));
    }
    LOG.debug("Tile {}/{}/{} of {}: layer {} reduced to level {}, {} bytes", matrix.id(), whole.address().row(),
        whole.address().col(), whole.tileMatrixSet().id(), layer.id(), level, tile.tile().length);
    if (tile.tile().length > share) {
      LOG.warn("Tile {}/{}/{} of {}: layer {} takes {} bytes at its coarsest reduction, more than its {}",
          matrix.id(), whole.address().row(), whole.address().col(), whole.tileMatrixSet().id(), layer.id(),
          tile.tile().length, share);
    }
    return tile.tile();
  }

  /**
   * The first level to draw, without having drawn anything: the first whose cells over the part of the tile the
   * layer's data covers (a level-0 cell is the minimum size), as many features as cells hold or the window's count if
   * fewer, at the floor's bytes per feature, should fit. So a dense layer is not drawn at levels that cannot fit it,
   * and a small one on a big tile is still drawn at level 0.
   */
  private int firstLevel(Collection layer, TileRequest whole, long share, WholeLayerFloor floor) {
    TileMatrix matrix = whole.address().tileMatrix();
    TileEnvelope covered = dataInTile(layer, whole);
    if (covered == null || floor.features() == 0) {
      return 0;
    }
    int perCell = featuresPerCell(layer);
    for (int level = 0; level < budget.lastLevel(matrix); level++) {
      double cell = budget.reduction(matrix, level).cellSize();
      double cells = Math.ceil(covered.width() / cell + 1) * Math.ceil(covered.height() / cell + 1);
      if (Math.min(floor.features(), perCell * cells) * floor.bytesPerFeature() <= FILL * share) {
        return level;
      }
    }
    return budget.lastLevel(matrix);
  }

  /** The part of the tile and its buffer the layer's data covers, in the set's CRS; null when not known. */
  private static TileEnvelope dataInTile(Collection layer, TileRequest whole) {
    SpatialExtent extent = layer.spatialExtent();
    TileEnvelope tile = whole.bufferedEnvelope();
    TileEnvelope data = extent == null ? null : TmsProjection.of(whole.tileMatrixSet()).fromCrs84(new Envelope(
        extent.minLon(), extent.maxLon(), extent.minLat(), extent.maxLat()));
    if (data == null || !data.intersects(tile)) {
      return null;
    }
    return new TileEnvelope(Math.max(data.minX(), tile.minX()), Math.max(data.minY(), tile.minY()),
        Math.min(data.maxX(), tile.maxX()), Math.min(data.maxY(), tile.maxY()));
  }

  /** How many features a cell of a thinning level keeps at most: one, and a block where polygons merge. */
  private int featuresPerCell(Collection layer) {
    Integer dimension = TileDocuments.dimension(layer.geometryType());
    return budget.mergeSmallPolygons() && (dimension == null || dimension == 2) ? 2 : 1;
  }

  /**
   * The first level after {@code level} at which the layer should fit: its occupied cells times the features a cell
   * keeps (a feature, and a block where polygons merge) times the bytes a feature took at {@code level}, with a
   * margin; the next level when the source does not count cells.
   */
  private int fittingLevel(Collection layer, int level, ReducedLayer tile, long share) {
    double bytesPerFeature = (double) tile.tile().length / Math.max(1, MvtFeatureCount.of(tile.tile()));
    int perCell = featuresPerCell(layer);
    List<Long> occupied = tile.occupiedCells();
    for (int coarser = 0; coarser < occupied.size(); coarser++) {
      if (perCell * occupied.get(coarser) * bytesPerFeature <= FILL * share) {
        return level + 1 + coarser;
      }
    }
    return level + Math.max(1, occupied.size());
  }
}
