package io.urbis.source.geopackage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/** GeoPackageBinary blobs as GDAL 3.6 writes them (hex from {@code SELECT hex(geom)}), plus hand-built headers. */
class GeoPackageGeometryReaderTest {

  private final GeoPackageGeometryReader reader = new GeoPackageGeometryReader();

  @Test
  void readsEveryFlatGeometryTypeGdalWrites() {
    checkRead("47500001000000000101000000000000000000F03F0000000000000040", "POINT (1 2)");
    checkRead(
        "4750000300000000000000000000F03F0000000000001440000000000000004000000000000018400102000000030000"
            + "00000000000000F03F000000000000004000000000000008400000000000001040000000000000144000000000000018"
            + "40",
        "LINESTRING (1 2, 3 4, 5 6)");
    checkRead(
        "475000030000000000000000000000000000000000002440000000000000000000000000000024400103000000020000"
            + "000500000000000000000000000000000000000000000000000000244000000000000000000000000000002440000000"
            + "000000244000000000000000000000000000002440000000000000000000000000000000000500000000000000000000"
            + "400000000000000040000000000000004000000000000010400000000000001040000000000000104000000000000010"
            + "40000000000000004000000000000000400000000000000040",
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))");
    checkRead(
        "4750000300000000000000000000F03F0000000000000840000000000000004000000000000010400104000000020000"
            + "000101000000000000000000F03F0000000000000040010100000000000000000008400000000000001040",
        "MULTIPOINT ((1 2), (3 4))");
    checkRead(
        "4750000300000000000000000000F03F0000000000001C40000000000000004000000000000020400105000000020000"
            + "00010200000002000000000000000000F03F000000000000004000000000000008400000000000001040010200000002"
            + "000000000000000000144000000000000018400000000000001C400000000000002040",
        "MULTILINESTRING ((1 2, 3 4), (5 6, 7 8))");
    checkRead(
        "475000030000000000000000000000000000000000001840000000000000000000000000000018400106000000020000"
            + "000103000000010000000400000000000000000000000000000000000000000000000000F03F00000000000000000000"
            + "00000000F03F000000000000F03F00000000000000000000000000000000010300000001000000040000000000000000"
            + "001440000000000000144000000000000018400000000000001440000000000000184000000000000018400000000000"
            + "0014400000000000001440",
        "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))");
    checkRead(
        "4750000300000000000000000000F03F0000000000001440000000000000004000000000000018400107000000020000"
            + "000101000000000000000000F03F00000000000000400102000000020000000000000000000840000000000000104000"
            + "000000000014400000000000001840",
        "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (3 4, 5 6))");
  }

  @Test
  void readsZMAndZMGeometriesWithTheirEnvelopes() {
    checkRead(
        "475000010000000001E9030000000000000000F03F00000000000000400000000000000840",
        "POINT Z (1 2 3)");
    checkRead(
        "47500005000000000000000000000000000000000000F03F0000000000000000000000000000F03F000000000000F03F"
            + "000000000000084001EE0300000100000001EB0300000100000004000000000000000000000000000000000000000000"
            + "00000000F03F000000000000F03F00000000000000000000000000000040000000000000F03F000000000000F03F0000"
            + "00000000084000000000000000000000000000000000000000000000F03F",
        "MULTIPOLYGON Z (((0 0 1, 1 0 2, 1 1 3, 0 0 1)))");
    checkRead(
        "4750000300000000000000000000F03F00000000000008400000000000000040000000000000104001D2070000020000"
            + "00000000000000F03F00000000000000400000000000001C400000000000000840000000000000104000000000000020"
            + "40",
        "LINESTRING M (1 2 7, 3 4 8)");
    checkRead(
        "475000010000000001B90B0000000000000000F03F000000000000004000000000000008400000000000001040",
        "POINT ZM (1 2 3 4)");
  }

  @Test
  void readsTheEmptyPointThatGeoPackageEncodesWithNaN() {
    String emptyFlagAndSrs4326 = "47500011E6100000";
    String pointOfNaNs = "0101000000000000000000F87F000000000000F87F";
    Geometry point = reader.read(WKBReader.hexToBytes(emptyFlagAndSrs4326 + pointOfNaNs));
    assertTrue(point.isEmpty());
    assertEquals(4326, point.getSRID());
  }

  @Test
  void honoursEveryEnvelopeSizeAndBothHeaderByteOrders() throws ParseException {
    Geometry line = new WKTReader().read("LINESTRING (7 8, 9 10)");
    for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
      for (int indicator = 0; indicator <= 4; indicator++) {
        Geometry read = reader.read(blob(line, order, indicator, 25832));
        assertEquals(25832, read.getSRID());
        assertTrue(read.equalsExact(line), "indicator " + indicator + ", " + order);
      }
    }
  }

  @Test
  void readsWhatTheWriterWrites() throws ParseException {
    Geometry polygon = new WKTReader()
        .read("POLYGON ((440000 5760000, 440010 5760000, 440010 5760010, 440000 5760000))");
    Geometry read = reader.read(new GeoPackageGeometryWriter().write(polygon, 25832));
    assertTrue(read.equalsExact(polygon));
    assertEquals(25832, read.getSRID());
    assertTrue(reader.read(new GeoPackageGeometryWriter().write(new WKTReader().read("POINT EMPTY"), 0)).isEmpty());
  }

  @Test
  void writesEveryTypeAsIsoWkbWithHeightsWhereAsked() throws ParseException {
    String[] shapes = {"POINT Z (1 2 3)", "LINESTRING Z (1 2 3, 4 5 6)",
        "POLYGON Z ((0 0 1, 4 0 1, 4 4 2, 0 0 1), (1 1 5, 2 1 5, 2 2 5, 1 1 5))", "MULTIPOINT Z ((1 2 3), (4 5 6))",
        "MULTILINESTRING Z ((1 2 3, 4 5 6), (7 8 9, 1 1 1))", "MULTIPOLYGON Z (((0 0 1, 4 0 1, 4 4 2, 0 0 1)))",
        "GEOMETRYCOLLECTION Z (POINT Z (1 2 3), LINESTRING Z (1 2 3, 4 5 6))"};
    for (int i = 0; i < shapes.length; i++) {
      Geometry shape = new WKTReader().read(shapes[i]);
      byte[] blob = new GeoPackageGeometryWriter().write(shape, 25832, true);
      // ISO 13249-3 type codes, not EWKB's high bit: after the 8 header bytes and 32 of the envelope, and the order
      int type = ByteBuffer.wrap(blob, 41, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      assertEquals(1001 + i, type, shapes[i]);
      Geometry read = reader.read(blob);
      assertTrue(read.equalsExact(shape), shapes[i]);
      assertEquals(new WKTWriter(3).write(shape), new WKTWriter(3).write(read), shapes[i]);
      assertEquals(1 + i, ByteBuffer.wrap(new GeoPackageGeometryWriter().write(shape, 25832), 41, 4)
          .order(ByteOrder.LITTLE_ENDIAN).getInt(), "in two dimensions");
    }
  }

  @Test
  void rejectsBlobsThatAreNotGeoPackageGeometries() {
    assertThrows(IllegalArgumentException.class, () -> reader.read(WKBReader.hexToBytes("0101000000")));
    assertThrows(IllegalArgumentException.class, () -> reader.read(WKBReader.hexToBytes("475000")));
    assertThrows(IllegalArgumentException.class, () -> reader.read(WKBReader.hexToBytes("4750000B00000000")));
    assertThrows(IllegalArgumentException.class, () -> reader.read(WKBReader.hexToBytes("47500001000000000101")));
  }

  private void checkRead(String hex, String expectedWkt) {
    WKTWriter writer = new WKTWriter(4);
    try {
      String expected = writer.write(new WKTReader().read(expectedWkt));
      assertEquals(expected, writer.write(reader.read(WKBReader.hexToBytes(hex))));
    } catch (ParseException e) {
      throw new AssertionError(e);
    }
  }

  /** A GeoPackageBinary blob with the given header byte order and envelope indicator (envelope values are junk). */
  private static byte[] blob(Geometry geometry, ByteOrder order, int envelopeIndicator, int srsId) {
    int[] envelopeDoubles = {0, 4, 6, 6, 8};
    int wkbOrder = order == ByteOrder.BIG_ENDIAN ? ByteOrderValues.BIG_ENDIAN : ByteOrderValues.LITTLE_ENDIAN;
    byte[] wkb = new WKBWriter(2, wkbOrder).write(geometry);
    ByteBuffer buffer = ByteBuffer.allocate(8 + 8 * envelopeDoubles[envelopeIndicator] + wkb.length).order(order);
    int flags = (envelopeIndicator << 1) | (order == ByteOrder.LITTLE_ENDIAN ? 1 : 0);
    buffer.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) flags).putInt(srsId);
    for (int i = 0; i < envelopeDoubles[envelopeIndicator]; i++) {
      buffer.putDouble(-1);
    }
    return buffer.put(wkb).array();
  }
}
