package io.urbis.conformance.tiles;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.MvtTile;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.Selection;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.UrbisTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Vector tiles within the size budget (500,000 bytes by default) and the zoom from which each layer is complete, as
 * the tile set metadata and TileJSON tell it.
 */
@UrbisTest
@DisplayName("Vector tiles: size budget and complete zoom")
class TileBudgetTest {

  private static final long BUDGET = 500_000;
  private static final String BUILDINGS_TILES = "/collections/buildings/tiles/WebMercatorQuad";

  private final Api api;
  private final Truth truth;

  TileBudgetTest(Api api, Truth truth) {
    this.api = api;
    this.truth = truth;
  }

  @Test
  @DisplayName("every tile of the buildings from zoom 8 to 16 takes at most 500,000 bytes")
  void everyTileWithinTheBudget() {
    List<Executable> checks = new ArrayList<>();
    for (int zoom = 8; zoom <= 16; zoom++) {
      for (String path : tiles(BUILDINGS_TILES, zoom)) {
        Reply reply = api.get(path, "Accept", TileContents.MVT);
        checks.add(() -> assertTrue(reply.status() == 204 || reply.status() == 200 && reply.body().length <= BUDGET,
            reply::describe));
      }
    }
    assertTrue(checks.size() > 50, "tiles checked: " + checks.size());
    assertAll(checks.stream());
  }

  @Test
  @DisplayName("tile set metadata (completeFromTileMatrix) and TileJSON (completezoom) tell each layer's complete zoom")
  void completeZoomOfEveryLayer() {
    JsonNode tileSet = api.json("/tiles/WebMercatorQuad");
    JsonNode tileJson = api.json("/tiles/WebMercatorQuad/tilejson");
    Map<String, String> fromTileSet = new TreeMap<>();
    Json.elements(tileSet.path("layers")).forEach(layer -> fromTileSet.put(layer.path("id").asText(),
        layer.path("completeFromTileMatrix").asText()));
    Map<String, String> fromTileJson = new TreeMap<>();
    Json.elements(tileJson.path("vector_layers")).forEach(layer -> fromTileJson.put(layer.path("id").asText(),
        layer.path("completezoom").asText()));
    int deepest = fromTileSet.values().stream().filter(zoom -> !zoom.isEmpty()).mapToInt(Integer::parseInt).max()
        .orElse(0);
    assertAll(
        () -> assertEquals(fromTileSet, fromTileJson, "the same zoom in both"),
        () -> assertEquals("14", fromTileSet.get("buildings"),
            "the buildings (120 m² and more) are all larger than a pixel from zoom 14, whose tiles are whole"),
        () -> assertEquals(Math.max(16, deepest), tileJson.path("maxzoom").asInt(), "TileJSON reaches them"));
  }

  @Test
  @DisplayName("from the complete zoom on, the tiles hold every feature: the buildings of zoom 14 as PostGIS has them")
  void completeTilesHoldEveryFeature() {
    int zoom = Integer.parseInt(api.json(BUILDINGS_TILES).path("layers").get(0).path("completeFromTileMatrix")
        .asText());
    Set<String> keys = new TreeSet<>();
    for (String path : tiles(BUILDINGS_TILES, zoom)) {
      Reply reply = api.get(path, "Accept", TileContents.MVT);
      if (reply.status() == 200) {
        keys.addAll(TileContents.keys(Layer.BUILDINGS, MvtTile.decode(reply.body()).layer(Layer.BUILDINGS.id())));
      }
    }
    assertEquals(truth.keys(Selection.all(Layer.BUILDINGS)), keys);
  }

  /** The paths of a tile set's tiles of {@code zoom} within its limits. */
  private List<String> tiles(String tileSet, int zoom) {
    List<String> paths = new ArrayList<>();
    for (JsonNode limits : Json.elements(api.json(tileSet).path("tileMatrixSetLimits"))) {
      if (limits.path("tileMatrix").asText().equals(Integer.toString(zoom))) {
        for (long row = limits.path("minTileRow").asLong(); row <= limits.path("maxTileRow").asLong(); row++) {
          for (long col = limits.path("minTileCol").asLong(); col <= limits.path("maxTileCol").asLong(); col++) {
            paths.add(tileSet + "/" + zoom + "/" + row + "/" + col);
          }
        }
      }
    }
    return paths;
  }
}
