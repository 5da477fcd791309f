package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.access.AccessPolicy;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.Collection;
import io.urbis.config.AccessConfig;
import io.urbis.config.AccessConfig.Rule;
import io.urbis.error.NotFoundException;
import io.urbis.security.Caller;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 3D tiles of one collection for several audiences: each gets the tiles of the rows its source reads for it, property
 * tables and a schema of only the properties it sees, and nothing kept for another, in memory or on disk.
 */
class Tiles3dAudiencesTest {

  private static final int BLOCKS = 16;
  /**
   * The public sees the blocks lower than 18 m without their owners, neighbours the others without owners, planners
   * everything, surveyors every block without its height.
   */
  private static final AccessConfig RULES = new AccessConfig(null, Map.of(ModelsInMemory.ID, Map.of(
      "public", new Rule("read", List.of("owner"), "height < 18"),
      "neighbours", new Rule("read", List.of("owner"), "height >= 18"),
      "planner", Rule.of("read"),
      "surveyor", new Rule("read", List.of("height"), null))));

  private final ModelsInMemory source = new ModelsInMemory(BLOCKS);
  private final AccessPolicy policy = AccessPolicy.of(RULES, new Catalog(List.of(source.collection())));
  private final Collection whole = seenBy("planner");
  private final Collection lowBlocks = seenBy("public");
  private final Collection highBlocks = seenBy("neighbours");

  Tiles3dAudiencesTest() {
    source.filter(lowBlocks.rowFilter().text(), block -> 10 + block < 18);
    source.filter(highBlocks.rowFilter().text(), block -> 10 + block >= 18);
  }

  @Test
  void aWholeCollectionKeepsItsCacheKeysAndANarrowedOneEndsInItsVisibility() {
    assertTrue(whole.isWhole());
    String wholeKey = Tiles3dService.key(whole, "v7", "tileset", TileId.ROOT);
    assertEquals("blocks|v7|tileset|0/0/0", wholeKey, "as before access rules: tiles seeded then are found");
    assertEquals(wholeKey + "|" + lowBlocks.visibility(), Tiles3dService.key(lowBlocks, "v7", "tileset",
        TileId.ROOT));
    assertNotEquals(Tiles3dService.key(lowBlocks, "v7", "tileset", TileId.ROOT),
        Tiles3dService.key(highBlocks, "v7", "tileset", TileId.ROOT));
  }

  @Test
  void eachAudienceIsTiledFromTheRowsItsSourceReadsForIt() throws Exception {
    Tiles3dService tiles = new Tiles3dService(settings(Tiles3dSettings.DEFAULT_CACHE_BYTES, null));
    assertEquals(ids(0, BLOCKS), sorted(walk(tiles, whole).featureIds));
    assertEquals(ids(0, 8), sorted(walk(tiles, lowBlocks).featureIds));
    assertEquals(ids(8, BLOCKS), sorted(walk(tiles, highBlocks).featureIds));
    assertEquals(List.of(whole, lowBlocks, highBlocks), source.boundsRead, "one index per audience, read for it");
    assertEquals(Set.of(whole, lowBlocks, highBlocks), Set.copyOf(source.modelsRead), "models read for the audience");

    assertNotEquals(tiles.tileset(lowBlocks).entityTag(), tiles.tileset(highBlocks).entityTag(),
        "the regions of other rows");
    double[] low = tiles.index(lowBlocks).scheme().bounds(TileId.ROOT);
    double[] all = tiles.index(whole).scheme().bounds(TileId.ROOT);
    assertTrue(low[2] < all[2], "the low blocks lie in the west: " + low[2] + " < " + all[2]);
    assertEquals(3, source.boundsRead.size(), "each audience's index is kept");
  }

  @Test
  void hiddenPropertiesAreInNoPropertyTableNorSchemaThoughConfiguredForTiles() throws Exception {
    Tiles3dService tiles = new Tiles3dService(settings(Tiles3dSettings.DEFAULT_CACHE_BYTES, null));
    JsonNode wholeSchema = json(tiles.schema(whole).content());
    JsonNode lowSchema = json(tiles.schema(lowBlocks).content());
    // and the area of the extruded footprints, which every audience may see as it sees their geometries
    assertEquals(List.of("featureId", "name", "owner", PropertyTable.FOOTPRINT_AREA),
        names(wholeSchema.at("/classes/blocks/properties")));
    assertEquals(List.of("featureId", "name", PropertyTable.FOOTPRINT_AREA),
        names(lowSchema.at("/classes/blocks/properties")));
    assertFalse(lowSchema.toString().contains("owner"), lowSchema.toString());
    assertEquals(PropertyTable.SCHEMA_ID, wholeSchema.get("id").asText());
    assertNotEquals(wholeSchema.get("id"), lowSchema.get("id"));
    assertArrayEquals(tiles.schema(lowBlocks).content(), tiles.schema(highBlocks).content(),
        "audiences that see the same properties read the same schema, named by what it holds");

    for (Collection audience : List.of(whole, lowBlocks)) {
      String file = TileSchema.of(audience, settings(0, null)).file();
      assertArrayEquals(tiles.schema(audience).content(), tiles.schema(audience, file).content());
      for (TileId tile : tiles.index(audience).contentTiles()) {
        byte[] content = tiles.content(audience, tile).content();
        JsonNode metadata = GlbFile.read(content).json().at("/extensions/EXT_structural_metadata");
        assertEquals(TilesetWriter.schemaFromContent(file), metadata.get("schemaUri").asText());
        boolean owners = new String(content, StandardCharsets.ISO_8859_1).contains("Owner ");
        assertEquals(audience.isWhole(), owners, "owners' names in the tile of " + audience.visibility());
        assertEquals(audience.isWhole(), metadata.at("/propertyTables/0/properties").has("owner"));
      }
    }
    String lowFile = TileSchema.of(lowBlocks, settings(0, null)).file();
    assertThrows(NotFoundException.class, () -> tiles.schema(whole, lowFile));
    assertThrows(NotFoundException.class, () -> tiles.schema(lowBlocks, TileSchema.WHOLE_FILE));
  }

  @Test
  void anAudienceThatMayNotSeeTheHeightsOfExtrudedFootprintsHasNoTiles() {
    Tiles3dService tiles = new Tiles3dService(settings(0, null));
    Collection noHeights = seenBy("surveyor");
    assertTrue(tiles.offers(whole));
    assertFalse(tiles.offers(noHeights), "the blocks would show the hidden heights");
    assertThrows(NotFoundException.class, () -> tiles.tileset(noHeights));
    assertThrows(NotFoundException.class, () -> tiles.schema(noHeights));
    assertEquals(List.of(), source.boundsRead);
  }

  @Test
  void seededTilesOfTheWholeCollectionAreFoundAndNeverServedToANarrowedAudience(@TempDir Path folder)
      throws Exception {
    Tiles3dService seeding = new Tiles3dService(settings(0, folder));
    seeding.tileset(whole);
    for (TileId root : seeding.index(whole).subtreeRoots()) {
      seeding.subtree(whole, root);
    }
    for (List<TileId> batch : seeding.contentBatches(whole)) {
      seeding.seedContents(whole, batch);
    }
    List<String> seeded = hashesOfFiles(folder);

    Tiles3dService serving = new Tiles3dService(settings(0, folder));
    int modelReads = source.modelsRead.size();
    for (TileId tile : serving.index(whole).contentTiles()) {
      assertTrue(seeded.contains(sha256(serving.content(whole, tile).content())));
    }
    assertEquals(modelReads, source.modelsRead.size(), "the whole collection's tiles come from the disk");

    int built = 0;
    for (Collection audience : List.of(lowBlocks, highBlocks)) {
      assertFalse(seeded.contains(sha256(serving.tileset(audience).content())), "a tileset of its own");
      serving.subtree(audience, TileId.ROOT);
      for (TileId tile : serving.index(audience).contentTiles()) {
        assertFalse(seeded.contains(sha256(serving.content(audience, tile).content())), "a tile of its own");
        built++;
      }
    }
    assertEquals(modelReads + built, source.modelsRead.size(), "each narrowed tile built from its own rows");
    assertEquals(seeded.size() + 2 + 2 + built, hashesOfFiles(folder).size(),
        "stored beside the seeded ones, even where the bytes are the same: each audience's tileset, root subtree and"
            + " tiles");
  }

  private Collection seenBy(String role) {
    return policy.viewOf(new Caller(role, Set.of(role))).catalog().find(ModelsInMemory.ID).orElseThrow();
  }

  private static Tiles3dSettings settings(long cacheBytes, Path folder) {
    return new Tiles3dSettings(0, Map.of(ModelsInMemory.ID, ModelsInMemory.EXTRUSION),
        Map.of(ModelsInMemory.ID, List.of("name", "owner")), MeshEncoding.DEFAULT, cacheBytes, folder);
  }

  /** Walks the audience's tiles as a client does, checking every tile's metadata against the audience's schema. */
  private static TilesetWalk walk(Tiles3dService tiles, Collection audience) throws Exception {
    TilesetWalk walk = new TilesetWalk(tiles.index(audience).scheme(), tile -> tiles.subtree(audience, tile).content(),
        tile -> tiles.content(audience, tile).content(), TileSchema.of(audience, settings(0, null)).file(),
        tiles.schema(audience).content()).walk();
    walk.assertEveryTileKeepsTheMetadataRules();
    return walk;
  }

  private static List<String> ids(int from, int to) {
    return sorted(IntStream.range(from, to).mapToObj(Integer::toString).toList());
  }

  private static List<String> sorted(List<String> ids) {
    return ids.stream().sorted().toList();
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode json(byte[] document) throws Exception {
    return new ObjectMapper().readTree(document);
  }

  private static List<String> hashesOfFiles(Path folder) throws Exception {
    List<String> hashes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        hashes.add(sha256(Files.readAllBytes(file)));
      }
    }
    return hashes;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
