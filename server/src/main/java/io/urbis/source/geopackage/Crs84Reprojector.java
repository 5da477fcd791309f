package io.urbis.source.geopackage;

import io.urbis.crs.CoordinateTransformFilter;
import io.urbis.crs.EnvelopeSampler;
import io.urbis.crs.OutsideDomainException;
import io.urbis.crs.ProjSystems;
import java.util.Objects;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;

/**
 * Moves coordinates between a storage CRS (an EPSG code) and CRS84 with proj4j. Proj4j always works in
 * easting/northing and longitude/latitude order, and GeoPackage stores x = easting or longitude, so no axis swap is
 * needed in either direction. Z is left untouched. One instance per thread: proj4j transforms keep scratch state.
 */
final class Crs84Reprojector {

  /** EPSG:4326 is stored lon/lat in GeoPackage, i.e. as CRS84; 0 and -1 are GeoPackage's undefined systems. */
  private static final int WGS84 = 4326;
  /** WGS 84 with ellipsoidal heights: CRS84 plus Z, which transforms leave alone. */
  private static final int WGS84_3D = 4979;

  private final CoordinateTransform toCrs84;
  private final CoordinateTransform fromCrs84;

  private Crs84Reprojector(CoordinateTransform toCrs84, CoordinateTransform fromCrs84) {
    this.toCrs84 = toCrs84;
    this.fromCrs84 = fromCrs84;
  }

  /** A reprojector for geometries stored in {@code srid}; identity for CRS84 and undefined systems. */
  static Crs84Reprojector forSrid(int srid) {
    if (isCrs84(srid)) {
      return new Crs84Reprojector(null, null);
    }
    CoordinateReferenceSystem storage = ProjSystems.of(srid);
    CoordinateReferenceSystem wgs84 = ProjSystems.of(WGS84);
    return new Crs84Reprojector(
        new BasicCoordinateTransform(storage, wgs84), new BasicCoordinateTransform(wgs84, storage));
  }

  /** Whether the geometries of {@code srid} need no transformation to be CRS84. */
  static boolean isCrs84(int srid) {
    return srid == WGS84 || srid == WGS84_3D || srid <= 0;
  }

  boolean isIdentity() {
    return toCrs84 == null;
  }

  /** Throws IllegalArgumentException when proj4j does not know {@code srid}. */
  static void requireKnown(int srid) {
    if (!isCrs84(srid)) {
      ProjSystems.of(srid);
    }
  }

  /**
   * Transforms {@code geometry} in place to CRS84 and returns it.
   *
   * @throws OutsideDomainException when a coordinate lies outside the domain of the storage CRS
   */
  Geometry toCrs84(Geometry geometry) {
    if (toCrs84 != null) {
      geometry.apply(CoordinateTransformFilter.strict(toCrs84));
    }
    return geometry;
  }

  /**
   * Transforms {@code geometry} in place from CRS84 to the storage CRS and returns it.
   *
   * @throws OutsideDomainException when a coordinate cannot be written in the storage CRS: proj4j fails, or its
   *     numbers do not lead back to the coordinate
   */
  Geometry fromCrs84(Geometry geometry) {
    if (fromCrs84 != null) {
      geometry.apply(CoordinateTransformFilter.strictReturning(fromCrs84, toCrs84));
    }
    return geometry;
  }

  /**
   * The envelope in CRS84 of {@code envelope} in the storage CRS, following its edges (projections curve them), or
   * null when part of it lies outside the projection's domain (proj4j fails, or its numbers do not lead back).
   */
  Envelope toCrs84(Envelope envelope) {
    return toCrs84 == null ? new Envelope(envelope) : EnvelopeSampler.transform(envelope, toCrs84, fromCrs84);
  }

  /** The envelope in the storage CRS of {@code envelope} in CRS84, following its edges; null as above. */
  Envelope fromCrs84(Envelope envelope) {
    return fromCrs84 == null ? new Envelope(envelope) : EnvelopeSampler.transform(envelope, fromCrs84, toCrs84);
  }

  /**
   * The CRS84 envelope that holds every point of {@code envelope} (in the storage CRS) as {@link #toCrs84(Geometry)}
   * moves it, however its edges curve ({@link HoldingEnvelope}); null as above.
   */
  Envelope toCrs84Holding(Envelope envelope) {
    return HoldingEnvelope.of(envelope, Stream.of(toCrs84).filter(Objects::nonNull).toList());
  }

  /**
   * The envelope in the storage CRS of {@code other} that holds every point of {@code envelope} (in this storage CRS)
   * as {@link #toCrs84(Geometry)} and then {@code other}'s {@link #fromCrs84(Geometry)} move it; null as above.
   */
  Envelope holdingIn(Crs84Reprojector other, Envelope envelope) {
    return HoldingEnvelope.of(envelope, Stream.of(toCrs84, other.fromCrs84).filter(Objects::nonNull).toList());
  }
}
