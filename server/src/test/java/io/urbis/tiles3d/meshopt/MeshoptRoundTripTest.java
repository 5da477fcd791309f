package io.urbis.tiles3d.meshopt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.testdata.NodeChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decodes what the encoders write with meshoptimizer's own decoder (conformance-tests/tiles3d/meshopt-roundtrip.mjs),
 * an implementation independent of ours, and gets the input back.
 */
class MeshoptRoundTripTest {

  @TempDir
  Path vectors;

  @Test
  void meshoptimizersDecoderGetsBackEveryInput() throws IOException {
    NodeChecks.assumeNode();
    writeAttributes();
    writeIndices();
    NodeChecks.Result result = NodeChecks.run("meshopt-roundtrip.mjs", vectors.toString());
    System.out.println(result.output());
    assertTrue(result.passed(), result.output());
  }

  private void writeAttributes() throws IOException {
    Random random = new Random(11);
    for (int stride : new int[] {4, 8, 12, 16, 48, 256}) {
      attributes("random-" + stride, MeshoptSamples.random(random, 1000, stride), 1000, stride);
    }
    byte[] grid = MeshoptSamples.gridPositions(64, 64);
    write("grid-positions", MeshoptView.attributes(grid, 65 * 65, 8), grid, "POSITION");
    byte[] wide = MeshoptSamples.gridPositions(150, 150);
    attributes("grid-positions-22801", wide, 151 * 151, 8);
    attributes("grid-positions-as-16", wide, 151 * 151 / 2, 16);
    attributes("buildings-positions", MeshoptSamples.buildingPositions(random, 300), 2400, 8);
    attributes("feature-ids-short", MeshoptSamples.featureIds(300, 24, 2), 7200, 4);
    attributes("feature-ids-byte", MeshoptSamples.featureIds(200, 16, 1), 3200, 4);
    byte[] constant = new byte[5000 * 12];
    Arrays.fill(constant, (byte) 0x5A);
    attributes("constant-12", constant, 5000, 12);
    attributes("one-4", new byte[] {1, 2, 3, 4}, 1, 4);
    attributes("one-16", MeshoptSamples.random(random, 1, 16), 1, 16);
    for (int count : new int[] {16, 256, 257}) {
      attributes("grid-positions-" + count, grid, count, 8);
      attributes("random-8-" + count, MeshoptSamples.random(random, count, 8), count, 8);
    }
  }

  private void writeIndices() throws IOException {
    Random random = new Random(12);
    int[] grid = MeshoptSamples.gridTriangles(64, 64);
    write("grid-triangles", MeshoptView.triangles(grid, 65 * 65, 2), MeshoptSamples.indexBytes(grid, 2), "indices");
    triangles("boxes-triangles", MeshoptSamples.boxTriangles(300), 2400, 2);
    triangles("random-triangles", MeshoptSamples.randomTriangles(random, 3000, 1500), 1500, 2);
    triangles("random-triangles-wide", MeshoptSamples.randomTriangles(random, 3000, 1 << 22), 1 << 22, 4);
    triangles("degenerate-triangles", MeshoptSamples.degenerateTriangles(), 25, 2);
    triangles("one-triangle", new int[] {2, 0, 1}, 3, 2);
    triangles("grid-triangles-90601", MeshoptSamples.gridTriangles(300, 300), 301 * 301, 4);
    indices("grid-indices", grid, 65 * 65, 2);
    indices("line-indices", MeshoptSamples.lines(5000), 5001, 2);
    indices("random-indices-wide", random.ints(10_000, 0, 1 << 30).toArray(), 1 << 30, 4);
  }

  private void attributes(String name, byte[] elements, int count, int stride) throws IOException {
    byte[] raw = Arrays.copyOf(elements, count * stride);
    write(name, MeshoptView.attributes(raw, count, stride), raw, null);
  }

  private void triangles(String name, int[] indices, int vertexCount, int stride) throws IOException {
    write(name, MeshoptView.triangles(indices, vertexCount, stride), MeshoptSamples.indexBytes(indices, stride), null);
  }

  private void indices(String name, int[] indices, int vertexCount, int stride) throws IOException {
    write(name, MeshoptView.indices(indices, vertexCount, stride), MeshoptSamples.indexBytes(indices, stride), null);
  }

  /** NAME.json (mode, count, byteStride and the vector's role in the test GLB, if any), NAME.raw, NAME.bin. */
  private void write(String name, MeshoptView view, byte[] raw, String glbRole) throws IOException {
    String json = "{\"mode\":\"" + view.mode().name() + "\",\"count\":" + view.count() + ",\"byteStride\":"
        + view.byteStride() + (glbRole == null ? "" : ",\"glb\":\"" + glbRole + "\"") + "}";
    Files.writeString(vectors.resolve(name + ".json"), json, StandardCharsets.UTF_8);
    Files.write(vectors.resolve(name + ".raw"), raw);
    Files.write(vectors.resolve(name + ".bin"), view.data());
  }
}
