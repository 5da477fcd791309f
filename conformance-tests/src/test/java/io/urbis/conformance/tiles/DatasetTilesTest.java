package io.urbis.conformance.tiles;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.Links;
import io.urbis.conformance.support.MvtTile;
import io.urbis.conformance.support.OgcExceptions;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.TileGrid;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.UrbisTest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Tiles of the whole dataset (OGC 20-057, A.6 /conf/dataset-tilesets/operation) and the {@code collections}
 * parameter (A.7 collections-selection); TileJSON and the MapLibre style that web maps read.
 */
@UrbisTest
@DisplayName("OGC API - Tiles: dataset tiles and collections selection")
class DatasetTilesTest {

  private final Api api;
  private final Truth truth;

  DatasetTilesTest(Api api, Truth truth) {
    this.api = api;
    this.truth = truth;
  }

  @Test
  @DisplayName("/conf/dataset-tilesets/operation: a dataset tile has one layer per collection with data there")
  void datasetTile() {
    TileGrid.Tile tile = tileOverStreets();
    MvtTile all = fetch("/tiles/" + tile.path());
    assertAll(
        () -> assertEquals(TileContents.keys(Layer.STREETS, all.layer(Layer.STREETS.id())),
            TileContents.keys(Layer.STREETS, fetch("/collections/streets/tiles/" + tile.path())
                .layer(Layer.STREETS.id())), "the streets layer is the streets collection's tile"),
        () -> assertTrue(all.layers().size() >= 2, "several layers: " + all.layers().stream()
            .map(MvtTile.MvtLayer::name).toList()));
  }

  @Test
  @DisplayName("/conf/collections-selection: collections=a,b gives those layers, in that order")
  void collectionsSelection() {
    TileGrid.Tile tile = tileOverStreets();
    MvtTile selected = fetch("/tiles/" + tile.path() + "?collections=streets,sensors");
    assertEquals(List.of("streets", "sensors"), selected.layers().stream().map(MvtTile.MvtLayer::name).toList());
    OgcExceptions.assertException(api.get("/tiles/" + tile.path() + "?collections=streets,nope", "Accept",
        TileContents.MVT), 400);
  }

  @Test
  @DisplayName("/conf/collections-selection: the tile sets of a selection have its limits, and their tiles keep it")
  void selectionTilesetList() {
    List<JsonNode> selected = Json.elements(api.json("/tiles?collections=streets").path("tilesets"));
    List<JsonNode> streets = Json.elements(api.json("/collections/streets/tiles").path("tilesets"));
    assertEquals(streets.size(), selected.size(), "one tile set per tile matrix set");
    assertAll(IntStream.range(0, selected.size()).mapToObj(i -> () -> {
      JsonNode tileset = selected.get(i);
      String template = Links.withRel(tileset, "item").stream().findFirst()
          .orElseThrow(() -> new AssertionError("no item link")).path("href").asText();
      assertAll(tileset.path("tileMatrixSetId").asText(),
          () -> assertEquals(streets.get(i).path("tileMatrixSetId"), tileset.path("tileMatrixSetId")),
          () -> assertEquals(streets.get(i).path("tileMatrixSetLimits"), tileset.path("tileMatrixSetLimits"),
              "the limits of the streets alone"),
          () -> assertTrue(template.endsWith("/{tileMatrix}/{tileRow}/{tileCol}?collections=streets"), template));
    }));
  }

  @Test
  @DisplayName("TileJSON and the MapLibre style point to the tiles")
  void tileJsonAndStyle() {
    JsonNode style = api.json("/tiles/WebMercatorQuad/style");
    String tileJsonUrl = style.at("/sources/urbis/url").asText();
    JsonNode tileJson = api.json(tileJsonUrl);
    TileGrid.Tile tile = tileOverStreets();
    String tileUrl = tileJson.at("/tiles/0").asText().replace("{z}", tile.matrix())
        .replace("{y}", Long.toString(tile.row())).replace("{x}", Long.toString(tile.col()));
    assertAll(
        () -> assertEquals(8, style.path("version").asInt()),
        () -> assertEquals("3.0.0", tileJson.path("tilejson").asText()),
        () -> assertEquals(200, api.get(tileUrl, "Accept", TileContents.MVT).status(), tileUrl),
        () -> assertTrue(style.path("layers").findValuesAsText("source-layer").contains("streets"),
            "a style layer draws streets"));
  }

  private TileGrid.Tile tileOverStreets() {
    TileGrid grid = TileGrid.fetch(api, "WebMercatorQuad");
    double[] point = truth.pointOnFeature(Layer.STREETS, 0, grid.srid());
    return grid.tileAt("13", point[0], point[1]);
  }

  private MvtTile fetch(String path) {
    Reply reply = api.get(path, "Accept", TileContents.MVT);
    assertEquals(200, reply.status(), reply::describe);
    return MvtTile.decode(reply.body());
  }
}
