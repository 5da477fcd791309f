package io.urbis.tiles;

import java.util.List;

/**
 * A tile layer reduced by a {@link TileReduction}, and what tells how far the next levels would reduce it: how many
 * cells of each coarser level hold features (each keeps at most a feature and a block).
 *
 * @param tile the layer as a whole tile, no bytes when nothing is in it
 * @param occupiedCells for the levels after the reduction's, in order, how many cells hold features; empty when the
 *     source does not tell
 */
public record ReducedLayer(byte[] tile, List<Long> occupiedCells) {

  public ReducedLayer {
    occupiedCells = List.copyOf(occupiedCells);
  }
}
