package io.urbis.tiles;

import io.urbis.crs.CoordinateTransformFilter;
import io.urbis.crs.EnvelopeSampler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;

/**
 * Moves coordinates between CRS84 and the CRS of a tile matrix set with proj4j; identity for WorldCRS84Quad. Proj4j
 * works east first, as every set's axes are. Not thread-safe (proj4j transforms keep scratch state): one instance
 * per request.
 */
public final class TmsProjection {

  private static final CRSFactory FACTORY = new CRSFactory();
  private static final Map<Integer, CoordinateReferenceSystem> SYSTEMS = new ConcurrentHashMap<>();
  private static final int WGS84 = 4326;

  private final CoordinateTransform toTms;
  private final CoordinateTransform toCrs84;

  private TmsProjection(CoordinateTransform toTms, CoordinateTransform toCrs84) {
    this.toTms = toTms;
    this.toCrs84 = toCrs84;
  }

  public static TmsProjection of(TileMatrixSet set) {
    if (set.srid() == WGS84) {
      return new TmsProjection(null, null);
    }
    CoordinateReferenceSystem crs84 = system(WGS84);
    CoordinateReferenceSystem tms = system(set.srid());
    return new TmsProjection(new BasicCoordinateTransform(crs84, tms), new BasicCoordinateTransform(tms, crs84));
  }

  /** The CRS84 box around {@code envelope}, following its edges; null where it leaves the projection's domain. */
  public Envelope toCrs84(TileEnvelope envelope) {
    Envelope box = new Envelope(envelope.minX(), envelope.maxX(), envelope.minY(), envelope.maxY());
    return toCrs84 == null ? box : EnvelopeSampler.transform(box, toCrs84);
  }

  /** The box in the set's CRS around a CRS84 box; null where it leaves the projection's domain. */
  public TileEnvelope fromCrs84(Envelope crs84) {
    Envelope box = toTms == null ? crs84 : EnvelopeSampler.transform(crs84, toTms);
    return box == null ? null : new TileEnvelope(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY());
  }

  /** Transforms a CRS84 geometry in place into the set's CRS and returns it. */
  public Geometry fromCrs84(Geometry geometry) {
    if (toTms != null) {
      geometry.apply(CoordinateTransformFilter.outsideDomainAsNaN(toTms));
    }
    return geometry;
  }

  private static CoordinateReferenceSystem system(int srid) {
    return SYSTEMS.computeIfAbsent(srid, code -> FACTORY.createFromName("EPSG:" + code));
  }
}
