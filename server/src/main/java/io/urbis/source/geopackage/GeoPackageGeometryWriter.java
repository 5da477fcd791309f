package io.urbis.source.geopackage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes two-dimensional geometries as GeoPackageBinary: little-endian header with an XY envelope, then WKB.
 *
 * <p>Only XY is written because JTS writes Z as extended (EWKB) type codes, which GeoPackage does not allow; the
 * generated data Urbis writes is flat.
 */
public final class GeoPackageGeometryWriter {

  private static final byte LITTLE_ENDIAN_FLAG = 0x01;
  private static final byte XY_ENVELOPE_FLAG = 0x02;
  private static final byte EMPTY_FLAG = 0x10;

  private final WKBWriter wkbWriter = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);

  /** Encodes {@code geometry}, declaring {@code srsId} in the header. */
  public byte[] write(Geometry geometry, int srsId) {
    byte[] wkb = wkbWriter.write(geometry);
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
}
