package io.urbis.source.geopackage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Reads the GeoPackageBinary geometry encoding (OGC 12-128r18, 2.1.3): a header with magic, version, flags, srs id
 * and an optional envelope, followed by standard (ISO) WKB. Polyhedral surfaces and TINs, which JTS has no type for,
 * are read as MultiPolygons, triangles as Polygons ({@link SurfaceWkb}). Not thread-safe, like JTS's
 * {@link WKBReader}.
 */
public final class GeoPackageGeometryReader {

  private static final int FIXED_HEADER_BYTES = 8;
  private static final int EXTENDED_FLAG = 0x20;

  private final WKBReader wkbReader = new WKBReader(new GeometryFactory());

  /**
   * Decodes one geometry value; its SRID is the srs id of the header.
   *
   * @throws IllegalArgumentException when the bytes are not a GeoPackageBinary geometry JTS can read
   */
  public Geometry read(byte[] blob) {
    ByteBuffer header = ByteBuffer.wrap(requireHeader(blob));
    int flags = header.get(3) & 0xFF;
    if ((flags & EXTENDED_FLAG) != 0) {
      throw new IllegalArgumentException("extended GeoPackage geometry types are not supported");
    }
    header.order((flags & 1) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    int srsId = header.getInt(4);
    int wkbStart = FIXED_HEADER_BYTES + envelopeBytes(flags);
    Geometry geometry = parseWkb(Arrays.copyOfRange(blob, Math.min(wkbStart, blob.length), blob.length));
    geometry.setSRID(srsId);
    return geometry;
  }

  private static byte[] requireHeader(byte[] blob) {
    if (blob == null || blob.length < FIXED_HEADER_BYTES || blob[0] != 'G' || blob[1] != 'P') {
      throw new IllegalArgumentException("not a GeoPackageBinary geometry (no 'GP' magic)");
    }
    return blob;
  }

  /** The envelope contents indicator of flag bits 1-3: none, XY, XYZ, XYM or XYZM doubles. */
  private static int envelopeBytes(int flags) {
    int indicator = (flags >> 1) & 0x07;
    return switch (indicator) {
      case 0 -> 0;
      case 1 -> 32;
      case 2, 3 -> 48;
      case 4 -> 64;
      default -> throw new IllegalArgumentException("invalid GeoPackage envelope indicator " + indicator);
    };
  }

  private Geometry parseWkb(byte[] wkb) {
    try {
      return wkbReader.read(SurfaceWkb.asPolygons(wkb));
    } catch (ParseException | RuntimeException e) {
      throw new IllegalArgumentException("unreadable WKB in GeoPackage geometry: " + e.getMessage(), e);
    }
  }
}
