package io.urbis.tiles;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature as the reduction rules see it, in the CRS of the tile matrix set: its dimension (0 points, 1 lines, 2
 * polygons), its size ({@link TileReduction#sizeOf}) and the centre of its bounding box, which puts it in a cell.
 */
public record TileMeasure(int dimension, double size, double x, double y) {

  /** The measure of a geometry in the tile's CRS. */
  public static TileMeasure of(Geometry geometry) {
    Envelope box = geometry.getEnvelopeInternal();
    return new TileMeasure(geometry.getDimension(), TileReduction.sizeOf(geometry), box.centre().x, box.centre().y);
  }
}
