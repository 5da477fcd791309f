package io.urbis.tiles.mvt;

import io.urbis.crs.CoordinateRewrite;
import io.urbis.tiles.TileEnvelope;
import io.urbis.tiles.TileRequest;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * Prepares a geometry in the CRS of a tile matrix set for one tile, as {@code ST_AsMVTGeom} does in PostGIS:
 * simplified by the tile's resolution, clipped to the tile and its buffer, moved to tile units (y down).
 */
final class TileGeometries {

  private static final GeometryFactory GEOMETRIES = new GeometryFactory();

  private final TileEnvelope tile;
  private final Envelope buffered;
  private final Polygon clip;
  private final double tolerance;

  TileGeometries(TileRequest request) {
    this.tile = request.envelope();
    TileEnvelope withBuffer = request.bufferedEnvelope();
    this.buffered = new Envelope(withBuffer.minX(), withBuffer.maxX(), withBuffer.minY(), withBuffer.maxY());
    this.clip = (Polygon) GEOMETRIES.toGeometry(buffered);
    this.tolerance = request.simplificationTolerance();
  }

  /** The geometry in tile units, or null when nothing of it lies in the tile and its buffer. */
  Geometry toTile(Geometry geometry) {
    Geometry single = highestDimension(geometry);
    if (single == null || !buffered.intersects(single.getEnvelopeInternal())) {
      return null;
    }
    Geometry simple = single.getDimension() == 0 ? single : DouglasPeuckerSimplifier.simplify(single, tolerance);
    Geometry clipped = buffered.contains(simple.getEnvelopeInternal()) ? simple : clip(simple);
    if (clipped.isEmpty()) {
      return null;
    }
    Geometry inTile = clipped.copy();
    inTile.apply(new ToTileUnits(tile));
    return inTile;
  }

  private Geometry clip(Geometry geometry) {
    try {
      return OverlayNGRobust.overlay(geometry, clip, OverlayNG.INTERSECTION);
    } catch (RuntimeException invalidGeometry) {
      // a self-intersecting polygon: clip its repaired form, as ST_AsMVTGeom makes geometries valid too
      return OverlayNGRobust.overlay(geometry.buffer(0), clip, OverlayNG.INTERSECTION);
    }
  }

  /** A collection is written as its parts of the highest dimension, as one tile feature has one geometry type. */
  private static Geometry highestDimension(Geometry geometry) {
    if (geometry == null || geometry.isEmpty()) {
      return null;
    }
    if (!geometry.getGeometryType().equals(Geometry.TYPENAME_GEOMETRYCOLLECTION)) {
      return geometry;
    }
    int dimension = geometry.getDimension();
    List<Geometry> parts = new ArrayList<>();
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      Geometry part = highestDimension(geometry.getGeometryN(i));
      if (part != null && part.getDimension() == dimension) {
        parts.add(part);
      }
    }
    return GEOMETRIES.buildGeometry(parts);
  }

  /** Tile units: 0 at the tile's left and top edge, {@link TileRequest#EXTENT} at its right and bottom edge. */
  private static final class ToTileUnits implements CoordinateRewrite {

    private final double minX;
    private final double maxY;
    private final double scaleX;
    private final double scaleY;

    ToTileUnits(TileEnvelope tile) {
      this.minX = tile.minX();
      this.maxY = tile.maxY();
      this.scaleX = TileRequest.EXTENT / tile.width();
      this.scaleY = TileRequest.EXTENT / tile.height();
    }

    @Override
    public void filter(CoordinateSequence sequence, int index) {
      sequence.setOrdinate(index, CoordinateSequence.X, (sequence.getX(index) - minX) * scaleX);
      sequence.setOrdinate(index, CoordinateSequence.Y, (maxY - sequence.getY(index)) * scaleY);
    }
  }
}
