package io.urbis.tiles3d.meshopt;

import static io.urbis.tiles3d.meshopt.TriangleAssertions.assertSameTriangles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.testdata.NodeChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decoder against known answers of meshoptimizer's own encoder (conformance-tests/tiles3d/meshopt-vectors.mjs)
 * and of the spec, against this package's encoders, and on malformed streams.
 */
class MeshoptDecoderTest {

  private static final int TRIANGLES_HEADER = 0xE1;
  private static final int CODEAUX_LENGTH = 16;

  @TempDir
  Path vectors;

  @Test
  void decodesWhatMeshoptimizersEncoderWrites() throws IOException {
    NodeChecks.assumeNode();
    NodeChecks.Result result = NodeChecks.run("meshopt-vectors.mjs", vectors.toString());
    assertTrue(result.passed(), result.output());
    List<Path> descriptions;
    try (Stream<Path> files = Files.list(vectors)) {
      descriptions = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(descriptions.size() >= 30, descriptions.toString());
    for (Path description : descriptions) {
      JsonNode vector = new ObjectMapper().readTree(description.toFile());
      String name = description.getFileName().toString().replace(".json", "");
      MeshoptMode mode = MeshoptMode.valueOf(vector.get("mode").asText());
      int byteStride = vector.get("byteStride").asInt();
      byte[] raw = Files.readAllBytes(vectors.resolve(name + ".raw"));
      byte[] encoded = Files.readAllBytes(vectors.resolve(name + ".bin"));
      assertDecodes(name, new MeshoptView(mode, MeshoptFilter.NONE, vector.get("count").asInt(), byteStride, encoded), raw);
    }
  }

  /** Appendix A's example: 10 bytes, 4-bit sentinel coding, decode to 16 given deltas. */
  @Test
  void decodesTheSpecificationsFourBitExample() {
    int[] deltas = {-1, -4, -3, 26, -91, 0, -6, 6, -4, -4, 5, -5, 1, -1, 0, 0};
    int stride = 4;
    int tailLength = 32;
    // one block of one group; byte 0 in 4-bit coding (header bits 2), bytes 1 to 3 all zero
    byte[] group = bytes(0x02, 0x17, 0x5f, 0xf0, 0xbc, 0x77, 0xa9, 0x21, 0x00, 0x34, 0xb5);
    byte[] stream = new byte[1 + group.length + 3 + tailLength];
    stream[0] = (byte) 0xA0;
    System.arraycopy(group, 0, stream, 1, group.length);
    byte[] expected = new byte[deltas.length * stride];
    byte value = 0; // the baseline, in the tail, is 0
    for (int i = 0; i < deltas.length; i++) {
      value += (byte) deltas[i];
      expected[i * stride] = value;
    }
    assertArrayEquals(expected, MeshoptDecoder.decodeAttributes(stream, deltas.length, stride));
  }

  @Test
  void decodesWhatTheAttributeEncoderWrites() {
    Random random = new Random(21);
    for (int stride : new int[] {4, 8, 12, 16, 48, 256}) {
      for (int count : new int[] {0, 1, 16, 17, 300, 1000}) {
        roundTrip("random-" + stride + "-" + count, MeshoptSamples.random(random, count, stride), count, stride);
      }
    }
    roundTrip("grid-positions", MeshoptSamples.gridPositions(64, 64), 65 * 65, MeshoptSamples.POSITION_STRIDE);
    roundTrip("buildings-positions", MeshoptSamples.buildingPositions(random, 300), 2400,
        MeshoptSamples.POSITION_STRIDE);
    roundTrip("feature-ids", MeshoptSamples.featureIds(300, 24, 2), 7200, MeshoptSamples.FEATURE_ID_STRIDE);
    roundTrip("constant", new byte[5000 * 12], 5000, 12);
  }

  @Test
  void decodesWhatTheTriangleEncoderWrites() {
    Random random = new Random(22);
    roundTripTriangles("grid", MeshoptSamples.gridTriangles(64, 64), 65 * 65, 2);
    roundTripTriangles("grid-wide", MeshoptSamples.gridTriangles(300, 300), 301 * 301, 4);
    roundTripTriangles("boxes", MeshoptSamples.boxTriangles(300), 2400, 2);
    roundTripTriangles("random", MeshoptSamples.randomTriangles(random, 3000, 1500), 1500, 2);
    roundTripTriangles("random-wide", MeshoptSamples.randomTriangles(random, 3000, 1 << 22), 1 << 22, 4);
    roundTripTriangles("degenerate", MeshoptSamples.degenerateTriangles(), 25, 2);
    roundTripTriangles("one", new int[] {2, 0, 1}, 3, 2);
    roundTripTriangles("none", new int[0], 0, 2);
  }

  @Test
  void decodesWhatTheIndexEncoderWrites() {
    Random random = new Random(23);
    roundTripIndices("grid", MeshoptSamples.gridTriangles(64, 64), 65 * 65, 2);
    roundTripIndices("lines", MeshoptSamples.lines(5000), 5001, 2);
    roundTripIndices("random-wide", random.ints(10_000, 0, 1 << 30).toArray(), 1 << 30, 4);
    roundTripIndices("none", new int[0], 1, 2);
  }

  @Test
  void rejectsAWrongHeaderByte() {
    // 0xa1, 0xe0, 0xd0: other versions of the bitstreams, which the extension does not allow
    assertRejected("instead of 0x", withFirstByte(attributes(), 0xA1), MeshoptDecoder::decodeAttributes, 81, 8);
    assertRejected("instead of 0x", withFirstByte(triangles(), 0xE0), MeshoptDecoder::decodeTriangles, 384, 2);
    assertRejected("instead of 0x", withFirstByte(indices(), 0xD0), MeshoptDecoder::decodeIndices, 200, 2);
  }

  @Test
  void rejectsEveryTruncatedStreamAndATrailingByte() {
    assertEveryTruncationRejected(attributes(), MeshoptDecoder::decodeAttributes, 81, 8);
    assertEveryTruncationRejected(triangles(), MeshoptDecoder::decodeTriangles, 384, 2);
    assertEveryTruncationRejected(indices(), MeshoptDecoder::decodeIndices, 200, 2);
  }

  @Test
  void rejectsTrianglesThatReferToEdgesOrVerticesNotYetDecoded() {
    // code 0x10: the edge before the last, of none
    assertRejected("edge FIFO entry 1 of only 0",
        trianglesStream(new byte[] {0x10}, new byte[0], new byte[CODEAUX_LENGTH]), MeshoptDecoder::decodeTriangles, 3,
        2);
    // code 0xf0: a new vertex, then (codeaux[0] = 0x11) twice the vertex FIFO's newest, when there is none yet
    byte[] codeaux = new byte[CODEAUX_LENGTH];
    codeaux[0] = 0x11;
    assertRejected("vertex FIFO entry 0 of only 0", trianglesStream(new byte[] {(byte) 0xF0}, new byte[0], codeaux),
        MeshoptDecoder::decodeTriangles, 3, 2);
  }

  @Test
  void rejectsIndicesBeyondTheirByteStride() {
    int[] far = {70_000, 70_001, 70_002};
    assertRejected("does not fit 2 bytes", MeshoptView.triangles(far, 70_003, 4).data(),
        MeshoptDecoder::decodeTriangles, 3, 2);
    assertRejected("does not fit 2 bytes", MeshoptView.indices(far, 70_003, 4).data(), MeshoptDecoder::decodeIndices,
        3, 2);
  }

  @Test
  void restartsNewIndicesAndRejectsACodeauxTableThatCodes0xfeOr0xffWouldBeMistakenFor() {
    // twice code 0xfe, extra byte 0x00: three new vertices, the new indices restarted from 0
    byte[] codes = {(byte) 0xFE, (byte) 0xFE};
    byte[] extra = {0, 0};
    byte[] codeaux = new byte[CODEAUX_LENGTH];
    assertArrayEquals(MeshoptSamples.indexBytes(new int[] {0, 1, 2, 0, 1, 2}, 2),
        MeshoptDecoder.decodeTriangles(trianglesStream(codes, extra, codeaux), 6, 2));
    codeaux[0] = (byte) 0xF1;
    assertRejected("codeaux[", trianglesStream(codes, extra, codeaux), MeshoptDecoder::decodeTriangles, 6, 2);
    codeaux[0] = 0;
    codeaux[CODEAUX_LENGTH - 1] = 1;
    assertRejected("codeaux[", trianglesStream(codes, extra, codeaux), MeshoptDecoder::decodeTriangles, 6, 2);
  }

  @Test
  void rejectsALayoutTheModeDoesNotAllow() {
    assertRejected("byteStride 6", attributes(), MeshoptDecoder::decodeAttributes, 81, 6);
    assertRejected("383 indices", triangles(), MeshoptDecoder::decodeTriangles, 383, 2);
    assertRejected("byteStride 3", indices(), MeshoptDecoder::decodeIndices, 200, 3);
  }

  /** Decodes a view the way the glTF stores it; compares triangles up to rotation, anything else byte for byte. */
  private static void assertDecodes(String name, MeshoptView view, byte[] raw) {
    byte[] decoded = MeshoptDecoder.decode(view.mode(), view.data(), view.count(), view.byteStride());
    if (view.mode() == MeshoptMode.TRIANGLES) {
      assertSameTriangles(MeshoptSamples.indexValues(raw, view.byteStride()),
          MeshoptSamples.indexValues(decoded, view.byteStride()), name);
    } else {
      assertArrayEquals(raw, decoded, name);
    }
  }

  private static void roundTrip(String name, byte[] elements, int count, int stride) {
    byte[] raw = Arrays.copyOf(elements, count * stride);
    assertDecodes(name, MeshoptView.attributes(raw, count, stride), raw);
  }

  private static void roundTripTriangles(String name, int[] indices, int vertexCount, int stride) {
    assertDecodes(name, MeshoptView.triangles(indices, vertexCount, stride),
        MeshoptSamples.indexBytes(indices, stride));
  }

  private static void roundTripIndices(String name, int[] indices, int vertexCount, int stride) {
    assertDecodes(name, MeshoptView.indices(indices, vertexCount, stride), MeshoptSamples.indexBytes(indices, stride));
  }

  /** A decoding method of {@link MeshoptDecoder}. */
  private interface Decoding {
    byte[] decode(byte[] data, int count, int byteStride);
  }

  /** Decoding throws IllegalArgumentException, for a reason that mentions {@code reason}. */
  private static void assertRejected(String reason, byte[] stream, Decoding decoding, int count, int byteStride) {
    String message = rejection(stream, decoding, count, byteStride);
    assertTrue(message.contains(reason), message);
  }

  private static String rejection(byte[] stream, Decoding decoding, int count, int byteStride) {
    return assertThrows(IllegalArgumentException.class, () -> decoding.decode(stream, count, byteStride))
        .getMessage();
  }

  private static void assertEveryTruncationRejected(byte[] stream, Decoding decoding, int count, int byteStride) {
    decoding.decode(stream, count, byteStride);
    for (int length = 0; length < stream.length; length++) {
      rejection(Arrays.copyOf(stream, length), decoding, count, byteStride);
    }
    assertRejected("left before its tail", Arrays.copyOf(stream, stream.length + 1), decoding, count, byteStride);
  }

  /** 81 positions of 8 bytes. */
  private static byte[] attributes() {
    return MeshoptView.attributes(MeshoptSamples.gridPositions(8, 8), 81, MeshoptSamples.POSITION_STRIDE).data();
  }

  /** 384 indices, 128 triangles. */
  private static byte[] triangles() {
    return MeshoptView.triangles(MeshoptSamples.gridTriangles(8, 8), 81, 2).data();
  }

  /** 200 indices. */
  private static byte[] indices() {
    return MeshoptView.indices(MeshoptSamples.lines(100), 101, 2).data();
  }

  private static byte[] trianglesStream(byte[] codes, byte[] extra, byte[] codeaux) {
    byte[] stream = new byte[1 + codes.length + extra.length + codeaux.length];
    stream[0] = (byte) TRIANGLES_HEADER;
    System.arraycopy(codes, 0, stream, 1, codes.length);
    System.arraycopy(extra, 0, stream, 1 + codes.length, extra.length);
    System.arraycopy(codeaux, 0, stream, 1 + codes.length + extra.length, codeaux.length);
    return stream;
  }

  private static byte[] withFirstByte(byte[] stream, int first) {
    byte[] changed = stream.clone();
    changed[0] = (byte) first;
    return changed;
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }
}
