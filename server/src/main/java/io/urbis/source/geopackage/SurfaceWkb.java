package io.urbis.source.geopackage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Rewrites the surface types of Simple Features (ISO 19125) that JTS cannot read into those it can: a
 * PolyhedralSurface or TIN becomes a MultiPolygon, a Triangle a Polygon. They are laid out alike in WKB (a Triangle
 * is a Polygon of one ring, a surface a list of them), so only the type codes change, dimensions kept. GeoPackages
 * written by GDAL hold 3D buildings as PolyhedralSurfaceZ (GeoPackage extension gpkg_geom_POLYHEDRALSURFACE).
 */
final class SurfaceWkb {

  private static final int POINT = 1;
  private static final int LINESTRING = 2;
  private static final int POLYGON = 3;
  private static final int MULTIPOLYGON = 6;
  private static final int GEOMETRYCOLLECTION = 7;
  private static final int POLYHEDRALSURFACE = 15;
  private static final int TIN = 16;
  private static final int TRIANGLE = 17;
  /** Extended WKB (PostGIS, older GDAL) flags Z, M and an SRID in the high bits of the type. */
  private static final int EWKB_Z = 0x80000000;
  private static final int EWKB_M = 0x40000000;
  private static final int EWKB_SRID = 0x20000000;
  private static final int EWKB_FLAGS = EWKB_Z | EWKB_M | EWKB_SRID;

  private SurfaceWkb() {}

  /**
   * {@code wkb} as JTS reads it: itself when it holds no surface type, else a copy with surfaces as (multi)polygons.
   *
   * @throws IllegalArgumentException when a surface or collection holds a type WKB does not define, or ends early
   */
  static byte[] asPolygons(byte[] wkb) {
    if (wkb.length < 5) {
      return wkb;
    }
    int kind = kind(type(wkb, 0));
    if (kind != POLYHEDRALSURFACE && kind != TIN && kind != TRIANGLE && kind != GEOMETRYCOLLECTION) {
      return wkb;
    }
    byte[] copy = wkb.clone();
    try {
      rewrite(copy, 0);
    } catch (IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("WKB ends inside a geometry", e);
    }
    return copy;
  }

  /** Rewrites the geometry at {@code offset} in place and returns the offset after it. */
  private static int rewrite(byte[] wkb, int offset) {
    int type = type(wkb, offset);
    ByteBuffer buffer = ByteBuffer.wrap(wkb).order(wkb[offset] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    int kind = kind(type);
    int replaced = switch (kind) {
      case POLYHEDRALSURFACE, TIN -> MULTIPOLYGON;
      case TRIANGLE -> POLYGON;
      default -> kind;
    };
    buffer.putInt(offset + 1, type - kind + replaced);
    int position = offset + 5 + ((type & EWKB_SRID) != 0 ? 4 : 0);
    int pointBytes = 8 * dimensions(type);
    return switch (replaced) {
      case POINT -> position + pointBytes;
      case LINESTRING -> position + 4 + buffer.getInt(position) * pointBytes;
      case POLYGON -> {
        int rings = buffer.getInt(position);
        position += 4;
        for (int ring = 0; ring < rings; ring++) {
          position += 4 + buffer.getInt(position) * pointBytes;
        }
        yield position;
      }
      case 4, 5, MULTIPOLYGON, GEOMETRYCOLLECTION -> {
        int parts = buffer.getInt(position);
        position += 4;
        for (int part = 0; part < parts; part++) {
          position = rewrite(wkb, position);
        }
        yield position;
      }
      default -> throw new IllegalArgumentException("WKB geometry type " + type + " is not supported");
    };
  }

  private static int type(byte[] wkb, int offset) {
    return ByteBuffer.wrap(wkb, offset + 1, 4).order(wkb[offset] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN)
        .getInt();
  }

  /** The type without dimensions: ISO adds 1000 for Z, 2000 for M, 3000 for both; extended WKB sets flags. */
  private static int kind(int type) {
    return (type & ~EWKB_FLAGS) % 1000;
  }

  private static int dimensions(int type) {
    int iso = (type & ~EWKB_FLAGS) / 1000;
    boolean z = iso == 1 || iso == 3 || (type & EWKB_Z) != 0;
    boolean m = iso == 2 || iso == 3 || (type & EWKB_M) != 0;
    return 2 + (z ? 1 : 0) + (m ? 1 : 0);
  }
}
