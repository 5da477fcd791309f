package io.urbis.conformance.tiles;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Links;
import io.urbis.conformance.support.UrbisTest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Tile set metadata (OGC 20-057 A.3 tileset, A.4 tilesets-list, A.5 geodata-tilesets, A.6 dataset-tilesets), the
 * conformance declaration and the tile matrix sets of the OGC registry.
 */
@UrbisTest
@DisplayName("OGC API - Tiles: tile sets and tile matrix sets")
class TileSetsTest {

  private static final String REL = "http://www.opengis.net/def/rel/ogc/1.0/";
  private static final String CONF = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/";

  private final Api api;

  TileSetsTest(Api api) {
    this.api = api;
  }

  @Test
  @DisplayName("/conf/core/conformance-success: the Tiles conformance classes are declared")
  void conformance() {
    JsonNode classes = api.json("/conformance").path("conformsTo");
    List<String> declared = Json.elements(classes).stream().map(JsonNode::asText).toList();
    assertAll(List.of("core", "tileset", "tilesets-list", "geodata-tilesets", "dataset-tilesets",
        "collections-selection", "mvt", "oas30").stream()
        .map(name -> () -> assertTrue(declared.contains(CONF + name), CONF + name)));
  }

  @Test
  @DisplayName("/conf/dataset-tilesets/landingpage and /conf/tilesets-list/tileset-links for the dataset")
  void datasetTilesets() {
    String tiles = Links.href(api.json("/"), REL + "tilesets-vector")
        .orElseThrow(() -> new AssertionError("no tilesets-vector link on the landing page"));
    assertTilesetList(api.json(tiles));
  }

  @Test
  @DisplayName("/conf/geodata-tilesets/desc-links and /conf/tilesets-list/tileset-links for every collection")
  void collectionTilesets() {
    List<Executable> checks = Json.elements(api.json("/collections").path("collections")).stream()
        .map(collection -> (Executable) () -> {
          String tiles = Links.href(collection, REL + "tilesets-vector").orElseThrow(() -> new AssertionError(
              "no tilesets-vector link on " + collection.path("id")));
          assertTilesetList(api.json(tiles));
        }).toList();
    assertAll(checks.stream());
  }

  @Test
  @DisplayName("/conf/tileset/description: registered tile matrix set, limits, templated item link")
  void tileset() {
    JsonNode tileset = api.json("/collections/buildings/tiles/WebMercatorQuad");
    JsonNode item = Links.withRel(tileset, "item").stream().findFirst()
        .orElseThrow(() -> new AssertionError("no item link"));
    String template = item.path("href").asText();
    assertAll(
        () -> assertEquals("vector", tileset.path("dataType").asText()),
        () -> assertEquals("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad",
            tileset.path("tileMatrixSetURI").asText()),
        () -> assertEquals("http://www.opengis.net/def/crs/EPSG/0/3857", tileset.path("crs").asText()),
        () -> assertTrue(template.contains("{tileMatrix}") && template.contains("{tileRow}")
            && template.contains("{tileCol}"), template),
        () -> assertTrue(item.path("templated").asBoolean(), "templated: true"),
        () -> assertEquals(TileContents.MVT, item.path("type").asText()),
        () -> assertFalse(tileset.path("tileMatrixSetLimits").isEmpty(), "tileMatrixSetLimits"),
        () -> assertEquals("WebMercatorQuad", api.json(Links.href(tileset, REL + "tiling-scheme").orElseThrow())
            .path("id").asText()));
  }

  @Test
  @DisplayName("the tile matrix sets are those of the OGC registry")
  void registeredTileMatrixSets() {
    assertAll(
        () -> assertMatrix("WebMercatorQuad", "0", 559082264.028717, 156543.033928041, -20037508.3427892,
            20037508.3427892, 1, 1),
        () -> assertMatrix("WebMercatorQuad", "24", 33.3238997476528, 0.0093306919293428, -20037508.3427892,
            20037508.3427892, 16777216, 16777216),
        () -> assertMatrix("WorldCRS84Quad", "0", 279541132.014358, 0.703125, -180, 90, 2, 1),
        () -> assertMatrix("WorldCRS84Quad", "23", 33.3238997476528, 0.00000008381903171539, -180, 90, 16777216,
            8388608),
        () -> assertMatrix("UTM32WGS84Quad", "1", 279072704.500914, 78140.3572602559, -9501965.72931276,
            20003931.4586255, 1, 2),
        () -> assertMatrix("UTM32WGS84Quad", "24", 33.2680588365691, 0.00931505647423934, -9501965.72931276,
            20003931.4586255, 8388608, 16777216),
        () -> assertEquals("http://www.opengis.net/def/crs/EPSG/0/32632",
            api.json("/tileMatrixSets/UTM32WGS84Quad").path("crs").asText()),
        () -> assertEquals(3, api.json("/tileMatrixSets").path("tileMatrixSets").size()));
  }

  private void assertMatrix(String set, String id, double scale, double cellSize, double originX, double originY,
      long width, long height) {
    JsonNode matrix = Json.elements(api.json("/tileMatrixSets/" + set).path("tileMatrices")).stream()
        .filter(m -> m.path("id").asText().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError(set + " has no matrix " + id));
    assertAll(set + " " + id,
        () -> assertEquals(scale, matrix.path("scaleDenominator").asDouble(), scale * 1e-12),
        () -> assertEquals(cellSize, matrix.path("cellSize").asDouble(), cellSize * 1e-12),
        () -> assertEquals(originX, matrix.at("/pointOfOrigin/0").asDouble(), 1e-6),
        () -> assertEquals(originY, matrix.at("/pointOfOrigin/1").asDouble(), 1e-6),
        () -> assertEquals("topLeft", matrix.path("cornerOfOrigin").asText()),
        () -> assertEquals(width, matrix.path("matrixWidth").asLong()),
        () -> assertEquals(height, matrix.path("matrixHeight").asLong()));
  }

  /**
   * Each entry of a tile set list: the members of 20-057's tileSet-item, and as its tile set gives them the tile
   * matrix set id, limits and tile template, from which the OGC API - Tiles suite picks a tile as below.
   */
  private void assertTilesetList(JsonNode list) {
    List<JsonNode> tilesets = Json.elements(list.path("tilesets"));
    assertEquals(3, tilesets.size(), "one tile set per tile matrix set");
    for (JsonNode tileset : tilesets) {
      String self = Links.href(tileset, "self").orElseThrow(() -> new AssertionError("no self link"));
      JsonNode document = api.json(self);
      String id = tileset.path("tileMatrixSetId").asText();
      assertAll(self,
          () -> assertEquals("vector", tileset.path("dataType").asText()),
          () -> assertFalse(tileset.path("crs").asText().isEmpty(), "crs"),
          () -> assertTrue(tileset.path("tileMatrixSetURI").asText().startsWith(
              "http://www.opengis.net/def/tilematrixset/OGC/1.0/"), "tileMatrixSetURI"),
          () -> assertTrue(self.matches(".*/tiles/" + id + "(\\?.*)?"), "…/tiles/{tileMatrixSetId}: " + self),
          () -> assertEquals(id, api.json(Links.href(tileset, REL + "tiling-scheme")
              .orElseThrow(() -> new AssertionError("no tiling-scheme link"))).path("id").asText(), "tileMatrixSetId"),
          () -> assertFalse(tileset.path("tileMatrixSetLimits").isEmpty(), "tileMatrixSetLimits"),
          () -> {
            for (String member : List.of("dataType", "crs", "tileMatrixSetId", "tileMatrixSetURI",
                "tileMatrixSetLimits")) {
              assertEquals(document.path(member), tileset.path(member), member + " as in the tile set");
            }
          },
          () -> assertEquals(Links.withRel(document, "item"), Links.withRel(tileset, "item"),
              "the tile template of the tile set"),
          () -> assertTilesAsTheSuitePicksThem(tileset));
    }
  }

  /**
   * As the suite does (/conf/core/tc-success, /conf/core/tc-error): from the first limits, the tile at the last row
   * and first column is there (200, or 204 when empty), the tile one row below is not (404, or 400).
   */
  private void assertTilesAsTheSuitePicksThem(JsonNode tileset) {
    JsonNode limits = tileset.path("tileMatrixSetLimits").path(0);
    String template = Links.withRel(tileset, "item").stream().findFirst()
        .orElseThrow(() -> new AssertionError("no item link")).path("href").asText();
    long row = limits.path("maxTileRow").asLong();
    String col = limits.path("minTileCol").asText();
    String inside = tileUrl(template, limits.path("tileMatrix").asText(), row, col);
    String below = tileUrl(template, limits.path("tileMatrix").asText(), row + 1, col);
    int insideStatus = api.get(inside, "Accept", TileContents.MVT).status();
    int belowStatus = api.get(below, "Accept", TileContents.MVT).status();
    assertAll(
        () -> assertTrue(insideStatus == 200 || insideStatus == 204, inside + ": " + insideStatus),
        () -> assertTrue(belowStatus == 404 || belowStatus == 400, below + ": " + belowStatus));
  }

  private static String tileUrl(String template, String matrix, long row, String col) {
    return template.replace("{tileMatrix}", matrix).replace("{tileRow}", Long.toString(row)).replace("{tileCol}", col);
  }
}
