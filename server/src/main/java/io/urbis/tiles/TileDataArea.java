package io.urbis.tiles;

import io.urbis.catalog.SpatialExtent;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/** Where a tile set has data: the tiles of each matrix that a CRS84 extent touches. */
public final class TileDataArea {

  /** Web Mercator ends here: the latitude at which the square world of WebMercatorQuad ends. */
  private static final double MERCATOR_MAX_LATITUDE = 85.0511287798066;

  private TileDataArea() {}

  /**
   * The limits of every matrix of {@code set} for data within {@code extent}; every tile of the set when the extent
   * cannot be projected into the set's CRS, none when there is no extent (no data).
   */
  public static List<TileMatrixLimits> limits(TileMatrixSet set, SpatialExtent extent) {
    if (extent == null) {
      return List.of();
    }
    TileEnvelope area = inSetCrs(set, extent);
    List<TileMatrixLimits> limits = new ArrayList<>();
    for (TileMatrix matrix : set.tileMatrices()) {
      TileMatrixLimits matrixLimits = TileMatrixLimits.of(matrix, area);
      if (matrixLimits != null) {
        limits.add(matrixLimits);
      }
    }
    return limits;
  }

  private static TileEnvelope inSetCrs(TileMatrixSet set, SpatialExtent extent) {
    double maxLatitude = set.srid() == 3857 ? MERCATOR_MAX_LATITUDE : 90;
    Envelope crs84 = new Envelope(extent.minLon(), extent.maxLon(), Math.max(-maxLatitude, extent.minLat()),
        Math.min(maxLatitude, extent.maxLat()));
    TileEnvelope area = TmsProjection.of(set).fromCrs84(crs84);
    return area == null ? set.bounds() : area;
  }
}
