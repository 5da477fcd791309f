package io.urbis.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileCacheTest {

  @TempDir Path folder;
  private final AtomicInteger builds = new AtomicInteger();

  private byte[] build() {
    builds.incrementAndGet();
    return "tile".getBytes();
  }

  @Test
  void aTileInMemoryIsBuiltOnce() {
    TileCache cache = new TileCache(1 << 20, null);
    TileBytes first = cache.get("a", this::build);
    TileBytes second = cache.get("a", this::build);
    assertEquals(1, builds.get());
    assertEquals(first.entityTag(), second.entityTag());
  }

  @Test
  void aBudgetOfZeroKeepsNothingAndStillGzips() throws Exception {
    TileCache cache = new TileCache(0, null);
    TileBytes tile = cache.get("a", this::build);
    cache.get("a", this::build);
    assertEquals(2, builds.get());
    assertArrayEquals(tile.content(), new GZIPInputStream(new ByteArrayInputStream(tile.gzipped())).readAllBytes());
  }

  @Test
  void aTileOnDiskIsReadByAnotherCacheWithoutBuilding() throws Exception {
    TileBytes written = new TileCache(1 << 20, folder).get("a", this::build);
    TileBytes read = new TileCache(1 << 20, folder).get("a", this::build);
    assertEquals(1, builds.get());
    assertEquals(written.entityTag(), read.entityTag());
    try (Stream<Path> files = Files.walk(folder)) {
      assertTrue(files.filter(Files::isRegularFile).allMatch(f -> f.toString().endsWith(".tile")),
          "no temporary files are left");
    }
    new TileCache(1 << 20, folder).get("b", this::build);
    assertEquals(2, builds.get(), "another key is another file");
  }

  @Test
  void aStoredTileIsServedFromDiskWithoutBuilding() {
    TileCache seeding = new TileCache(1 << 20, folder);
    assertEquals(-1, seeding.storedSize("a"));
    seeding.store("a", build());
    assertEquals(4, seeding.storedSize("a"));
    assertEquals("tile", new String(new TileCache(1 << 20, folder).get("a", this::build).content()));
    assertEquals(1, builds.get(), "served from disk, not built again");
  }
}
