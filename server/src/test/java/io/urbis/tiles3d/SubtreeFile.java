package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A subtree file read back for tests: header checked, JSON parsed, availability bits looked up. */
record SubtreeFile(JsonNode json, byte[] binary, long jsonLength) {

  static SubtreeFile read(byte[] file) throws Exception {
    ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[4];
    in.get(magic);
    assertEquals("subt", new String(magic, StandardCharsets.US_ASCII));
    assertEquals(1, in.getInt());
    long jsonLength = in.getLong();
    long binaryLength = in.getLong();
    assertEquals(file.length, 24 + jsonLength + binaryLength, "lengths in the header add up to the file");
    String json = new String(file, 24, (int) jsonLength, StandardCharsets.UTF_8);
    byte[] binary = Arrays.copyOfRange(file, (int) (24 + jsonLength), file.length);
    return new SubtreeFile(new ObjectMapper().readTree(json), binary, jsonLength);
  }

  /** Whether bit {@code index} of the availability is set. */
  boolean bit(JsonNode availability, int index) {
    if (availability.has("constant")) {
      return availability.get("constant").asInt() == 1;
    }
    JsonNode view = json.get("bufferViews").get(availability.get("bitstream").asInt());
    int offset = view.get("byteOffset").asInt();
    return ((binary[offset + index / 8] >> (index % 8)) & 1) == 1;
  }

  boolean tile(int index) {
    return bit(json.get("tileAvailability"), index);
  }

  boolean content(int index) {
    return bit(json.get("contentAvailability").get(0), index);
  }

  boolean childSubtree(int index) {
    return bit(json.get("childSubtreeAvailability"), index);
  }

  /** The region (radians and metres) of the available tile at bit {@code index}, from the tile metadata. */
  double[] tileRegion(int index) {
    return region(json.get("tileMetadata").asInt(), row(json.get("tileAvailability"), index));
  }

  /** The region of the content of the tile at bit {@code index}, from the content metadata. */
  double[] contentRegion(int index) {
    return region(json.get("contentMetadata").get(0).asInt(), row(json.get("contentAvailability").get(0), index));
  }

  /** The row of bit {@code index} in a property table of the available ones: the available bits before it. */
  private int row(JsonNode availability, int index) {
    int row = 0;
    for (int i = 0; i < index; i++) {
      row += bit(availability, i) ? 1 : 0;
    }
    return row;
  }

  private double[] region(int table, int row) {
    JsonNode values = json.get("propertyTables").get(table).at("/properties/boundingRegion/values");
    int offset = json.get("bufferViews").get(values.asInt()).get("byteOffset").asInt() + row * 6 * Double.BYTES;
    ByteBuffer in = ByteBuffer.wrap(binary).order(ByteOrder.LITTLE_ENDIAN);
    double[] region = new double[6];
    for (int i = 0; i < 6; i++) {
      region[i] = in.getDouble(offset + i * Double.BYTES);
    }
    return region;
  }
}
