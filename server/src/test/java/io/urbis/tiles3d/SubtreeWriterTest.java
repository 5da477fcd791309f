package io.urbis.tiles3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubtreeWriterTest {

  /** Six levels: subtrees start at levels 0 and 3. */
  private static final TilingScheme SCHEME = new TilingScheme(6, 51, 7, 52, 0, 50, 6);

  @Test
  void tileAndContentBitsFollowMortonOrderWithinEachLevel() throws Exception {
    // content at level 2, tile (3, 1): Morton index 0b0111 = 7, after the 5 tiles of levels 0 and 1
    TileIndex index = new TileIndex(SCHEME, Map.of(new TileId(2, 3, 1), List.of("a")));
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
    TileIndex index = new TileIndex(SCHEME, Map.of(new TileId(4, 13, 6), List.of("a")));
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
    TileIndex index = new TileIndex(SCHEME, Map.of(new TileId(2, 1, 1), List.of("a"), new TileId(2, 0, 0),
        List.of("b")));
    JsonNode json = SubtreeFile.read(SubtreeWriter.write(index, TileId.ROOT)).json();
    assertEquals(4, json.get("tileAvailability").get("availableCount").asInt(), "root, (1,0,0) and two tiles");
    assertEquals(2, json.get("contentAvailability").get(0).get("availableCount").asInt());
  }

  @Test
  void jsonIsPaddedWithSpacesAndBitstreamsStartOn8ByteBoundaries() throws Exception {
    TileIndex index = new TileIndex(SCHEME, Map.of(new TileId(2, 1, 1), List.of("a"), new TileId(4, 0, 0),
        List.of("b")));
    byte[] file = SubtreeWriter.write(index, TileId.ROOT);
    SubtreeFile subtree = SubtreeFile.read(file);
    assertEquals(0, subtree.jsonLength() % 8);
    assertEquals(0, subtree.binary().length % 8);
    String json = new String(file, 24, (int) subtree.jsonLength(), StandardCharsets.UTF_8);
    assertTrue(json.substring(json.lastIndexOf('}') + 1).chars().allMatch(c -> c == ' '), "padded with spaces");
    for (JsonNode view : subtree.json().get("bufferViews")) {
      assertEquals(0, view.get("byteOffset").asInt() % 8, view.toString());
    }
    assertEquals(3, subtree.json().get("bufferViews").size(), "tiles, content and child subtrees vary");
    assertEquals(subtree.binary().length, subtree.json().get("buffers").get(0).get("byteLength").asInt());
  }
}
