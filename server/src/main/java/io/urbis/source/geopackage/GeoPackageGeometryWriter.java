package io.urbis.source.geopackage;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes geometries as GeoPackageBinary (OGC 12-128r18, 2.1.3): a little-endian header with the srs id and an XY
 * envelope, then ISO WKB (ISO 13249-3), with Z as type codes 1001 to 1007 where the column has heights. JTS's own
 * WKB writer marks Z the extended (EWKB) way, which GeoPackage does not allow. An empty point is written with NaN
 * coordinates, as the standard asks (2.1.3.1.1).
 */
public final class GeoPackageGeometryWriter {

  private static final byte LITTLE_ENDIAN_FLAG = 0x01;
  private static final byte XY_ENVELOPE_FLAG = 0x02;
  private static final byte EMPTY_FLAG = 0x10;
  private static final int Z_TYPE_OFFSET = 1000;

  /** Encodes {@code geometry} in two dimensions, declaring {@code srsId} in the header. */
  public byte[] write(Geometry geometry, int srsId) {
    return write(geometry, srsId, false);
  }

  /** Encodes {@code geometry} with Z when {@code withZ} (a missing height is written as NaN), else XY only. */
  public byte[] write(Geometry geometry, int srsId, boolean withZ) {
    byte[] wkb = new IsoWkb(withZ).write(geometry);
    boolean empty = geometry.isEmpty();
    ByteBuffer buffer = ByteBuffer.allocate(8 + (empty ? 0 : 32) + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
    buffer.put((byte) 'G').put((byte) 'P').put((byte) 0);
    buffer.put(empty ? (byte) (LITTLE_ENDIAN_FLAG | EMPTY_FLAG) : (byte) (LITTLE_ENDIAN_FLAG | XY_ENVELOPE_FLAG));
    buffer.putInt(srsId);
    if (!empty) {
      Envelope envelope = geometry.getEnvelopeInternal();
      buffer.putDouble(envelope.getMinX()).putDouble(envelope.getMaxX());
      buffer.putDouble(envelope.getMinY()).putDouble(envelope.getMaxY());
    }
    return buffer.put(wkb).array();
  }

  /** Little-endian ISO WKB of one geometry. */
  private static final class IsoWkb {

    private final boolean withZ;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteBuffer word = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

    IsoWkb(boolean withZ) {
      this.withZ = withZ;
    }

    byte[] write(Geometry geometry) {
      geometry(geometry);
      return out.toByteArray();
    }

    private void geometry(Geometry geometry) {
      out.write(LITTLE_ENDIAN_FLAG);
      integer(typeCode(geometry) + (withZ ? Z_TYPE_OFFSET : 0));
      if (geometry instanceof Point point) {
        coordinate(point.isEmpty() ? new Coordinate(Double.NaN, Double.NaN, Double.NaN) : point.getCoordinate());
      } else if (geometry instanceof LineString line) {
        sequence(line.getCoordinateSequence());
      } else if (geometry instanceof Polygon polygon) {
        integer(polygon.isEmpty() ? 0 : polygon.getNumInteriorRing() + 1);
        if (!polygon.isEmpty()) {
          sequence(polygon.getExteriorRing().getCoordinateSequence());
          for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            sequence(polygon.getInteriorRingN(i).getCoordinateSequence());
          }
        }
      } else {
        integer(geometry.getNumGeometries());
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
          geometry(geometry.getGeometryN(i));
        }
      }
    }

    /** The ISO WKB type code of the two-dimensional type (1 to 7); a linear ring is a line string. */
    private static int typeCode(Geometry geometry) {
      return switch (geometry.getGeometryType()) {
        case Geometry.TYPENAME_POINT -> 1;
        case Geometry.TYPENAME_LINESTRING, Geometry.TYPENAME_LINEARRING -> 2;
        case Geometry.TYPENAME_POLYGON -> 3;
        case Geometry.TYPENAME_MULTIPOINT -> 4;
        case Geometry.TYPENAME_MULTILINESTRING -> 5;
        case Geometry.TYPENAME_MULTIPOLYGON -> 6;
        case Geometry.TYPENAME_GEOMETRYCOLLECTION -> 7;
        default -> throw new IllegalArgumentException("no WKB type for " + geometry.getGeometryType());
      };
    }

    private void sequence(CoordinateSequence coordinates) {
      integer(coordinates.size());
      for (int i = 0; i < coordinates.size(); i++) {
        real(coordinates.getX(i));
        real(coordinates.getY(i));
        if (withZ) {
          real(coordinates.getZ(i));
        }
      }
    }

    private void coordinate(Coordinate coordinate) {
      real(coordinate.getX());
      real(coordinate.getY());
      if (withZ) {
        real(coordinate.getZ());
      }
    }

    private void integer(int value) {
      out.write(word.clear().putInt(value).array(), 0, 4);
    }

    private void real(double value) {
      out.write(word.clear().putDouble(value).array(), 0, 8);
    }
  }
}
