package io.urbis.source.geopackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/**
 * Polyhedral surfaces, TINs and triangles, which GDAL writes into GeoPackages (gpkg_geom_POLYHEDRALSURFACE and the
 * like) and JTS has no type for, are read as the (multi)polygons of their faces, in ISO and extended WKB, in either
 * byte order and inside collections.
 */
class SurfaceWkbTest {

  private static final int Z = 1000;
  private static final int EWKB_Z = 0x80000000;
  private static final double[][] FLOOR = {{0, 0, 5}, {0, 4, 5}, {3, 4, 5}, {3, 0, 5}, {0, 0, 5}};
  private static final double[][] WALL = {{0, 0, 5}, {3, 0, 5}, {3, 0, 9}, {0, 0, 9}, {0, 0, 5}};
  private static final double[][] TRIANGLE = {{0, 0, 1}, {2, 0, 1}, {0, 2, 3}, {0, 0, 1}};

  private final GeoPackageGeometryReader reader = new GeoPackageGeometryReader();

  @Test
  void aPolyhedralSurfaceIsTheMultiPolygonOfItsFaces() throws Exception {
    byte[] wkb = new Wkb(ByteOrder.LITTLE_ENDIAN).parts(15 + Z, 2).polygon(3 + Z, FLOOR).polygon(3 + Z, WALL).bytes();
    assertReadAs("MULTIPOLYGON Z (((0 0 5, 0 4 5, 3 4 5, 3 0 5, 0 0 5)),"
        + " ((0 0 5, 3 0 5, 3 0 9, 0 0 9, 0 0 5)))", wkb);
  }

  @Test
  void aTinIsTheMultiPolygonOfItsTrianglesAndATriangleAPolygon() throws Exception {
    byte[] tin = new Wkb(ByteOrder.LITTLE_ENDIAN).parts(16 + Z, 1).polygon(17 + Z, TRIANGLE).bytes();
    assertReadAs("MULTIPOLYGON Z (((0 0 1, 2 0 1, 0 2 3, 0 0 1)))", tin);
    byte[] triangle = new Wkb(ByteOrder.BIG_ENDIAN).polygon(17 + Z, TRIANGLE).bytes();
    assertReadAs("POLYGON Z ((0 0 1, 2 0 1, 0 2 3, 0 0 1))", triangle);
  }

  @Test
  void extendedWkbAndBigEndianSurfacesInsideACollectionAreReadToo() throws Exception {
    byte[] wkb = new Wkb(ByteOrder.BIG_ENDIAN).parts(7 | EWKB_Z, 2).point(1 | EWKB_Z, 7, 8, 9)
        .parts(15 | EWKB_Z, 1).polygon(3 | EWKB_Z, FLOOR).bytes();
    assertReadAs("GEOMETRYCOLLECTION Z (POINT Z (7 8 9), MULTIPOLYGON Z (((0 0 5, 0 4 5, 3 4 5, 3 0 5,"
        + " 0 0 5))))", wkb);
  }

  @Test
  void otherGeometriesAreLeftAsTheyAre() {
    byte[] polygon = new Wkb(ByteOrder.LITTLE_ENDIAN).polygon(3 + Z, FLOOR).bytes();
    assertSame(polygon, SurfaceWkb.asPolygons(polygon));
  }

  @Test
  void aCurveInACollectionOrATruncatedSurfaceIsUnreadable() {
    byte[] curve = new Wkb(ByteOrder.LITTLE_ENDIAN).parts(7, 1).parts(8, 0).bytes();
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> read(curve));
    assertTrue(unknown.getMessage().contains("WKB geometry type 8 is not supported"), unknown.getMessage());
    byte[] whole = new Wkb(ByteOrder.LITTLE_ENDIAN).parts(15 + Z, 2).polygon(3 + Z, FLOOR).polygon(3 + Z, WALL)
        .bytes();
    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 30);
    assertThrows(IllegalArgumentException.class, () -> read(truncated));
  }

  /** Reads WKB as the GeoPackage source does, behind a header without envelope. */
  private Geometry read(byte[] wkb) {
    ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    header.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 1).putInt(25832);
    byte[] blob = new byte[8 + wkb.length];
    System.arraycopy(header.array(), 0, blob, 0, 8);
    System.arraycopy(wkb, 0, blob, 8, wkb.length);
    return reader.read(blob);
  }

  /** Compares with Z, which Geometry.equals leaves out. */
  private void assertReadAs(String wkt, byte[] wkb) throws Exception {
    WKTWriter writer = new WKTWriter(3);
    assertEquals(writer.write(new WKTReader().read(wkt)), writer.write(read(wkb)));
  }

  /** WKB written by hand: type codes as given, coordinates with Z. */
  private static final class Wkb {
    private final ByteOrder order;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Wkb(ByteOrder order) {
      this.order = order;
    }

    Wkb parts(int type, int count) {
      header(type);
      return integer(count);
    }

    Wkb point(int type, double x, double y, double z) {
      header(type);
      return numbers(x, y, z);
    }

    Wkb polygon(int type, double[][] ring) {
      header(type);
      integer(1).integer(ring.length);
      for (double[] point : ring) {
        numbers(point);
      }
      return this;
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }

    private void header(int type) {
      bytes.write(order == ByteOrder.LITTLE_ENDIAN ? 1 : 0);
      integer(type);
    }

    private Wkb integer(int value) {
      bytes.writeBytes(ByteBuffer.allocate(4).order(order).putInt(value).array());
      return this;
    }

    private Wkb numbers(double... values) {
      for (double value : values) {
        bytes.writeBytes(ByteBuffer.allocate(8).order(order).putDouble(value).array());
      }
      return this;
    }
  }
}
