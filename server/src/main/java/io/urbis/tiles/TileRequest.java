package io.urbis.tiles;

import io.urbis.catalog.SpatialExtent;
import io.urbis.crs.LonLatBox;
import io.urbis.crs.SupportedCrs;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * One tile of one collection as a source builds it: a Mapbox Vector Tile layer named after the collection, with
 * {@value #EXTENT} units across the tile and a buffer of {@value #BUFFER} units around it, as {@code ST_AsMVT}
 * defaults to.
 *
 * @param address the tile
 * @param crs84Window the buffered tile in CRS84, for the source's spatial index, or null when the tile leaves the
 *     domain of the CRS84 transformation (then the source cannot prefilter)
 * @param properties the properties to write, by catalog name
 */
public record TileRequest(TileAddress address, Envelope crs84Window, List<String> properties) {

  public static final int EXTENT = 4096;
  public static final int BUFFER = 256;

  public TileRequest {
    properties = List.copyOf(properties);
  }

  /** A tile's window reaches this far beyond the data extent, so that edge features are not cut by rounding. */
  private static final double EXTENT_MARGIN_DEGREES = 0.01;

  public TileMatrixSet tileMatrixSet() {
    return address.tileMatrixSet();
  }

  /** The tile in the CRS of its tile matrix set. */
  public TileEnvelope envelope() {
    return address.envelope();
  }

  /** The tile with its buffer: what a feature must touch to be in the tile. */
  public TileEnvelope bufferedEnvelope() {
    return address.bufferedEnvelope();
  }

  /**
   * How far geometries are simplified before they are written: one tile unit, so that detail finer than the tile
   * can show is dropped, more of it the coarser the zoom.
   */
  public double simplificationTolerance() {
    return envelope().width() / EXTENT;
  }

  /**
   * The CRS84 window of the tile clipped to the data {@code extent} (slightly widened) and to where the tile matrix
   * set's CRS can be used: a box a source can project into its storage CRS safely, around features it can project
   * into the tile's CRS (PostGIS fails on a UTM tile's point 90° from the zone). An empty envelope
   * ({@link Envelope#isNull()}) when the tile misses the data; null when neither the tile's window nor the CRS's area
   * is known and the source must not prefilter. A collection without extent has no data.
   */
  public Envelope crs84WindowNear(SpatialExtent extent) {
    Optional<LonLatBox> usable = SupportedCrs.usableArea(tileMatrixSet().srid());
    if (crs84Window == null && usable.isEmpty()) {
      return null;
    }
    if (extent == null) {
      return new Envelope();
    }
    Envelope window = new Envelope(extent.minLon(), extent.maxLon(), extent.minLat(), extent.maxLat());
    window.expandBy(EXTENT_MARGIN_DEGREES);
    if (crs84Window != null) {
      window = window.intersection(crs84Window);
    }
    return usable.map(area -> new Envelope(area.west(), area.east(), area.south(), area.north()))
        .map(window::intersection).orElse(window);
  }
}
