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
 * @param reduction how the layer is reduced to fit the tile budget, or null for the whole layer: every feature
 *     simplified by one tile unit
 */
public record TileRequest(TileAddress address, Envelope crs84Window, List<String> properties,
    TileReduction reduction) {

  public static final int EXTENT = 4096;
  public static final int BUFFER = 256;

  public TileRequest {
    properties = List.copyOf(properties);
  }

  /** The whole layer. */
  public TileRequest(TileAddress address, Envelope crs84Window, List<String> properties) {
    this(address, crs84Window, properties, null);
  }

  /** This layer reduced by {@code rules}, or whole for null. */
  public TileRequest reduced(TileReduction rules) {
    return new TileRequest(address, crs84Window, properties, rules);
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
   * can show is dropped, more of it the coarser the zoom; more when the layer is reduced.
   */
  public double simplificationTolerance() {
    return reduction == null ? envelope().width() / EXTENT : reduction.tolerance();
  }

  /**
   * The CRS84 window of the tile clipped to the data {@code extent} (slightly widened) and to where the tile matrix
   * set's CRS can be used: a box a source can project into its storage CRS safely, around features it can project
   * into the tile's CRS (PostGIS fails on a UTM tile's point 90° from the zone). An empty envelope
   * ({@link Envelope#isNull()}) when the tile misses the data; null when neither the tile's window nor the CRS's area
   * is known and the source must not prefilter. A collection without extent has no data.
   */
  public Envelope crs84WindowNear(SpatialExtent extent) {
    return crs84WindowNear(tileMatrixSet(), crs84Window, extent);
  }

  /**
   * The CRS84 window of {@code window} (null for all of the set) clipped as {@link #crs84WindowNear(SpatialExtent)}
   * clips a tile's.
   */
  public static Envelope crs84WindowNear(TileMatrixSet set, Envelope window, SpatialExtent extent) {
    Optional<LonLatBox> usable = SupportedCrs.usableArea(set.srid());
    if (window == null && usable.isEmpty()) {
      return null;
    }
    if (extent == null) {
      return new Envelope();
    }
    Envelope near = new Envelope(extent.minLon(), extent.maxLon(), extent.minLat(), extent.maxLat());
    near.expandBy(EXTENT_MARGIN_DEGREES);
    if (window != null) {
      near = near.intersection(window);
    }
    return usable.map(area -> new Envelope(area.west(), area.east(), area.south(), area.north()))
        .map(near::intersection).orElse(near);
  }
}
