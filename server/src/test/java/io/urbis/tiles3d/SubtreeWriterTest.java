package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import io.urbis.source.ModelBounds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubtreeWriterTest {

  /** Six levels: subtrees start at levels 0 and 3. */
  private static final TilingScheme SCHEME = new TilingScheme(6, 51, 7, 52, 0, 50, 6);

  /** An index of one feature per tile, each in the middle fifth of its tile's square, 10 to 20 m high. */
  private static TileIndex index(TileId... tiles) {
    Map<TileId, List<ModelBounds>> contents = new HashMap<>();
    for (TileId tile : tiles) {
      double[] b = SCHEME.bounds(tile);
      double width = (b[2] - b[0]) / 5;
      double height = (b[3] - b[1]) / 5;
      contents.put(tile, List.of(new ModelBounds(tile.toString(), b[0] + 2 * width, b[1] + 2 * height,
          b[0] + 3 * width, b[1] + 3 * height, 10, 20)));
    }
    return new TileIndex(SCHEME, contents, 0);
  }

  @Test
  void tileAndContentBitsFollowMortonOrderWithinEachLevel() throws Exception {
    // content at level 2, tile (3, 1): Morton index 0b0111 = 7, after the 5 tiles of levels 0 and 1
    TileIndex index = index(new TileId(2, 3, 1));
    SubtreeFile subtree = SubtreeFile.read(SubtreeWriter.write(index, TileId.ROOT));
    assertTrue(subtree.tile(0), "the root leads to the content");
    assertTrue(subtree.tile(1 + (int) Morton.index(1, 0)), "so does the parent (1, 1, 0)");
    assertTrue(subtree.tile(5 + 7));
    assertTrue(subtree.content(5 + 7));
    assertFalse(subtree.content(0), "the root has no content of its own");
    for (int bit = 0; bit < 21; bit++) {
      boolean expected = bit == 0 || bit == 2 || bit == 12;
      assertEquals(expected, subtree.tile(bit), "tile bit " + bit);
      assertEquals(bit == 12, subtree.content(bit), "content bit " + bit);
    }
    assertEquals(0, subtree.json().get("childSubtreeAvailability").get("constant").asInt());
  }

  @Test
  void childSubtreesAreAvailableWhereDeeperContentIs() throws Exception {
    // level 4 tile (13, 6) lies in the level-3 subtree (6, 3): Morton index of (6, 3) is 0b011110 = 30
    TileIndex index = index(new TileId(4, 13, 6));
    SubtreeFile root = SubtreeFile.read(SubtreeWriter.write(index, TileId.ROOT));
    for (int child = 0; child < 64; child++) {
      assertEquals(child == 30, root.childSubtree(child), "child subtree " + child);
    }
    assertFalse(root.content(0));
    SubtreeFile child = SubtreeFile.read(SubtreeWriter.write(index, new TileId(3, 6, 3)));
    assertTrue(child.tile(0));
    assertTrue(child.content(1 + (int) Morton.index(1, 0)));
    assertTrue(index.hasSubtree(new TileId(3, 6, 3)));
    assertFalse(index.hasSubtree(new TileId(3, 6, 2)));
    assertFalse(index.hasSubtree(new TileId(6, 52, 24)), "no subtree below the last level");
  }

  @Test
  void bitstreamsCountTheirAvailableTiles() throws Exception {
    TileIndex index = index(new TileId(2, 1, 1), new TileId(2, 0, 0));
    JsonNode json = SubtreeFile.read(SubtreeWriter.write(index, TileId.ROOT)).json();
    assertEquals(4, json.get("tileAvailability").get("availableCount").asInt(), "root, (1,0,0) and two tiles");
    assertEquals(2, json.get("contentAvailability").get(0).get("availableCount").asInt());
  }

  @Test
  void jsonIsPaddedWithSpacesAndBitstreamsStartOn8ByteBoundaries() throws Exception {
    TileIndex index = index(new TileId(2, 1, 1), new TileId(4, 0, 0));
    byte[] file = SubtreeWriter.write(index, TileId.ROOT);
    SubtreeFile subtree = SubtreeFile.read(file);
    assertEquals(0, subtree.jsonLength() % 8);
    assertEquals(0, subtree.binary().length % 8);
    String json = new String(file, 24, (int) subtree.jsonLength(), StandardCharsets.UTF_8);
    assertTrue(json.substring(json.lastIndexOf('}') + 1).chars().allMatch(c -> c == ' '), "padded with spaces");
    for (JsonNode view : subtree.json().get("bufferViews")) {
      assertEquals(0, view.get("byteOffset").asInt() % 8, view.toString());
    }
    assertEquals(5, subtree.json().get("bufferViews").size(),
        "tiles, content and child subtrees vary; regions of tiles and of contents");
    assertEquals(subtree.binary().length, subtree.json().get("buffers").get(0).get("byteLength").asInt());
  }

  @Test
  void eachAvailableTileHasTheRegionOfItsDescendantsAndEachContentThatOfItsFeatures() throws Exception {
    TileId west = new TileId(2, 0, 1);
    TileId east = new TileId(2, 3, 2);
    ModelBounds house = new ModelBounds("house", 6.1, 51.3, 6.11, 51.31, 20, 30);
    // centred in the tile east, and reaching 0.07° into its western neighbour: a loose tile grows to hold it
    ModelBounds hall = new ModelBounds("hall", 6.68, 51.55, 6.82, 51.56, 15, 40);
    TileIndex index = new TileIndex(SCHEME, Map.of(west, List.of(house), east, List.of(hall)), 47);
    SubtreeFile subtree = SubtreeFile.read(SubtreeWriter.write(index, TileId.ROOT));
    JsonNode json = subtree.json();
    assertEquals(5, json.at("/propertyTables/" + json.get("tileMetadata").asInt() + "/count").asInt(),
        "root, two tiles of level 1, two of level 2");
    assertEquals("tile", json.at("/propertyTables/" + json.get("tileMetadata").asInt() + "/class").asText());
    assertEquals("content", json.at("/propertyTables/" + json.at("/contentMetadata/0").asInt() + "/class").asText());
    int westBit = 5 + (int) Morton.index(0, 1);
    int eastBit = 5 + (int) Morton.index(3, 2);
    assertRegion(new double[] {6.1, 51.3, 6.11, 51.31, 67, 77}, subtree.contentRegion(westBit));
    assertRegion(new double[] {6.68, 51.55, 6.82, 51.56, 62, 87}, subtree.contentRegion(eastBit));
    assertRegion(new double[] {6.68, 51.55, 6.82, 51.56, 62, 87}, subtree.tileRegion(eastBit));
    assertRegion(new double[] {6.68, 51.55, 6.82, 51.56, 62, 87}, subtree.tileRegion(1 + (int) Morton.index(1, 1)),
        "the parent of the tile east holds what it holds, beyond its own square too");
    assertRegion(new double[] {6.1, 51.3, 6.82, 51.56, 62, 87}, subtree.tileRegion(0), "the root holds all");
  }

  @Test
  void aSubtreeWithoutTilesHasNoMetadata() throws Exception {
    JsonNode json = SubtreeFile.read(SubtreeWriter.write(index(), TileId.ROOT)).json();
    assertFalse(json.has("propertyTables"));
    assertFalse(json.has("tileMetadata"));
    assertFalse(json.has("contentMetadata"));
  }

  private static void assertRegion(double[] degrees, double[] radians, String... message) {
    for (int i = 0; i < 6; i++) {
      double expected = i < 4 ? Math.toRadians(degrees[i]) : degrees[i];
      assertEquals(expected, radians[i], 1e-12, String.join("", message) + " ordinate " + i);
    }
  }
}
