package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.catalog.Collection;
import io.urbis.error.NotFoundException;
import io.urbis.source.Extrusion;
import io.urbis.source.SourceSettings;
import io.urbis.source.postgis.PostgisFeatureSource;
import io.urbis.source.postgis.PostgisTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 3D tiles of the generated city in PostGIS, walked through subtrees as a client walks them. */
class Tiles3dPostgisTest {

  private static PostgisTestDatabase database;
  private static PostgisFeatureSource source;
  private static Catalog catalog;
  private static Tiles3dService tiles;

  @BeforeAll
  static void loadTheCity() throws Exception {
    database = new PostgisTestDatabase("/io/urbis/tiles3d/city3d.sql");
    source = new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of());
    catalog = new CatalogBuilder().add("city", source).build();
    tiles = new Tiles3dService(new Tiles3dSettings(47, Map.of("footprints", new Extrusion("height_m", "ground_m")),
        Map.of(), MeshEncoding.DEFAULT, Tiles3dSettings.DEFAULT_CACHE_BYTES, null));
  }

  @AfterAll
  static void dropTheCity() throws Exception {
    source.close();
    database.close();
  }

  @Test
  void everyBlockIsInExactlyOneTileAndEveryTileContainsItsContent() throws Exception {
    TilesetWalk walk = walk("blocks3d");
    assertEquals(400, walk.featureIds.size());
    assertEquals(400, new HashSet<>(walk.featureIds).size());
    assertTrue(walk.maxLevel >= 1, "the halls sit above the houses");
    walk.assertEveryTileKeepsTheMetadataRules();
  }

  @Test
  void extrudedFootprintsWithCourtyardsAreTiledTooButNotThoseWithoutHeight() throws Exception {
    TilesetWalk walk = walk("footprints");
    assertEquals(399, new HashSet<>(walk.featureIds).size());
    assertEquals(399, walk.featureIds.size());
    assertFalse(walk.featureIds.contains("7"));
    walk.assertEveryTileKeepsTheMetadataRules();
  }

  @Test
  void heightsAreRaisedByTheGeoidOffset() {
    TilingScheme scheme = tiles.index(collection("blocks3d")).scheme();
    assertEquals(20 + 47, scheme.minHeight(), 1e-9);
    assertEquals(24 + 6 + 24 + 47, scheme.maxHeight(), 1e-6, "ground up to 24 m, blocks up to 30 m tall");
  }

  @Test
  void anEmptyCollectionHasATilesetAndARootSubtreeWithoutTiles() throws Exception {
    Collection empty = collection("empty3d");
    assertTrue(tiles.offers(empty));
    assertTrue(tiles.tileset(empty).content().length > 0);
    SubtreeFile root = SubtreeFile.read(tiles.subtree(empty, TileId.ROOT).content());
    assertFalse(root.tile(0));
    assertFalse(root.content(0));
  }

  @Test
  void aFlatCollectionHasNoTiles() {
    Collection flat = collection("flat");
    assertFalse(tiles.offers(flat));
    assertThrows(NotFoundException.class, () -> tiles.tileset(flat));
  }

  @Test
  void theDataVersionChangesWhenTheTableDoes() throws Exception {
    Collection blocks = collection("blocks3d");
    String before = source.dataVersion(blocks);
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("UPDATE blocks3d SET name = 'Renamed' WHERE id = 2");
      statement.execute("SELECT pg_stat_force_next_flush()");
    }
    String after = source.dataVersion(blocks);
    for (int tries = 0; tries < 50 && after.equals(before); tries++) {
      Thread.sleep(100);
      after = source.dataVersion(blocks);
    }
    assertNotEquals(before, after);
  }

  @Test
  void tilesSeededInBatchesAreTheTilesBuiltOnRequestByteForByte(@TempDir Path folder) throws Exception {
    Map<String, Extrusion> extrusions = Map.of("footprints", new Extrusion("height_m", "ground_m"));
    Tiles3dService seeding = new Tiles3dService(
        new Tiles3dSettings(47, extrusions, Map.of(), MeshEncoding.DEFAULT, 0, folder));
    // not the shared service: its tiles in memory may predate another test's update of the data
    Tiles3dService onRequest = new Tiles3dService(
        new Tiles3dSettings(47, extrusions, Map.of(), MeshEncoding.DEFAULT, 0, null));
    List<String> builtOnRequest = new ArrayList<>();
    for (String id : List.of("blocks3d", "footprints")) {
      Collection collection = collection(id);
      TileIndex index = seeding.index(collection);
      List<List<TileId>> batches = index.contentBatches(150);
      assertTrue(batches.stream().anyMatch(batch -> batch.size() > 1), "some batches hold several tiles");
      for (List<TileId> batch : batches) {
        seeding.seedContents(collection, batch);
      }
      for (TileId tile : index.contentTiles()) {
        builtOnRequest.add(sha256(onRequest.content(collection, tile).content()));
      }
    }
    List<String> seeded = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        seeded.add(sha256(Files.readAllBytes(file)));
      }
    }
    Collections.sort(builtOnRequest);
    Collections.sort(seeded);
    assertEquals(builtOnRequest, seeded);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static TilesetWalk walk(String collectionId) throws Exception {
    Collection collection = collection(collectionId);
    TilingScheme scheme = tiles.index(collection).scheme();
    return new TilesetWalk(scheme, tile -> tiles.subtree(collection, tile).content(),
        tile -> tiles.content(collection, tile).content(), tiles.schema(collection).content()).walk();
  }

  @Test
  void aCacheDirectoryServesNoTileWrittenWithOtherSettings(@TempDir Path folder) throws Exception {
    Collection blocks = collection("blocks3d");
    TileId tile = new Tiles3dService(Tiles3dSettings.DEFAULTS).index(blocks).contentTiles().iterator().next();
    byte[] compressed = new Tiles3dService(
        new Tiles3dSettings(47, Map.of(), Map.of(), MeshEncoding.DEFAULT, 0, folder)).content(blocks, tile).content();
    byte[] plain = new Tiles3dService(new Tiles3dSettings(47, Map.of(), Map.of("blocks3d", List.of()),
        new MeshEncoding(false, false), 0, folder)).content(blocks, tile).content();
    assertTrue(GlbFile.read(compressed).json().toString().contains("EXT_meshopt_compression"));
    GlbFile read = GlbFile.read(plain);
    assertFalse(read.json().toString().contains("EXT_meshopt_compression"), "not the compressed tile from disk");
    assertEquals(1, read.json().at("/extensions/EXT_structural_metadata/propertyTables/0/properties").size(),
        "the feature id alone, as configured");
  }

  private static Collection collection(String id) {
    return catalog.find(id).orElseThrow();
  }
}
