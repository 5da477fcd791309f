package io.urbis.crs;

import java.util.Optional;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Moves the geometry of a written feature from the CRS its client wrote it in ({@code Content-Crs}) into the storage
 * CRS with proj4j, after checking that every coordinate lies where both CRSs can be used: a longitude and latitude
 * within their ranges, a position within each CRS's area of use as {@link SupportedCrs#usableArea} widens it, and a
 * projection that leads back to where it came from. So coordinates written in another CRS than the one named (degrees
 * sent as metres, axes swapped) are refused rather than stored somewhere else on Earth.
 */
public final class StorageCoordinates {

  private static final int WGS84 = 4326;

  private StorageCoordinates() {}

  /**
   * Transforms {@code geometry} in place from {@code crs} into the storage CRS {@code storageSrid} (0: unknown, read
   * as CRS84) and returns it; Z is left as it is.
   *
   * @param geometry coordinates east (or longitude) first, as {@code crs} names them after any axis swap
   * @throws OutsideDomainException naming the first coordinate that cannot be stored
   */
  public static Geometry toStorage(Geometry geometry, Crs crs, int storageSrid) {
    Crs storage = Crs.ofStorage(storageSrid);
    geometry.apply(new AreaCheck(crs, storage));
    if (storage.srid() != crs.srid()) {
      CoordinateReferenceSystem from = ProjSystems.of(crs.srid());
      CoordinateReferenceSystem to = ProjSystems.of(storage.srid());
      geometry.apply(CoordinateTransformFilter.strictReturning(new BasicCoordinateTransform(from, to),
          new BasicCoordinateTransform(to, from)));
    }
    geometry.geometryChanged();
    return geometry;
  }

  /** Checks each coordinate's longitude and latitude against the areas of use of both CRSs. */
  private static final class AreaCheck implements CoordinateSequenceFilter {

    private final Crs crs;
    private final Optional<LonLatBox> written;
    private final Optional<LonLatBox> stored;
    private final CheckedTransform toLonLat;
    private final ProjCoordinate source = new ProjCoordinate();
    private final ProjCoordinate lonLat = new ProjCoordinate();

    AreaCheck(Crs crs, Crs storage) {
      this.crs = crs;
      this.written = SupportedCrs.usableArea(crs.srid());
      this.stored = SupportedCrs.usableArea(storage.srid());
      if (crs.srid() == WGS84) {
        this.toLonLat = null;
      } else {
        CoordinateReferenceSystem system = ProjSystems.of(crs.srid());
        CoordinateReferenceSystem wgs84 = ProjSystems.of(WGS84);
        CoordinateTransform forward = new BasicCoordinateTransform(system, wgs84);
        this.toLonLat = new CheckedTransform(forward, new BasicCoordinateTransform(wgs84, system));
      }
    }

    @Override
    public boolean isDone() {
      return false;
    }

    @Override
    public boolean isGeometryChanged() {
      return false;
    }

    @Override
    public void filter(CoordinateSequence sequence, int index) {
      source.setValue(sequence.getX(index), sequence.getY(index));
      boolean ranges = !crs.geographic() || (Math.abs(source.x) <= 180 && Math.abs(source.y) <= 90);
      if (!ranges || (toLonLat != null && !toLonLat.transform(source, lonLat))) {
        throw outside("a coordinate of " + crs.uri());
      }
      if (toLonLat == null) {
        lonLat.setValue(source.x, source.y);
      }
      LonLatBox point = new LonLatBox(lonLat.x, lonLat.y, lonLat.x, lonLat.y);
      if (written.isPresent() && !written.get().contains(point)) {
        throw outside("within the area where " + crs.uri() + " is used");
      }
      if (stored.isPresent() && !stored.get().contains(point)) {
        throw outside("within the area where the collection's storage CRS is used");
      }
    }

    private OutsideDomainException outside(String what) {
      // the coordinate as the client wrote it, in its CRS's axis order
      String written = crs.northFirst() ? source.y + " " + source.x : source.x + " " + source.y;
      return new OutsideDomainException("(" + written + ") is not " + what);
    }
  }
}
