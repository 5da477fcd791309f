package io.urbis.conformance.tiles;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.MvtTile;
import io.urbis.conformance.support.OgcExceptions;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.TileGrid;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.UrbisTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Conformance class OGC API - Tiles Core (OGC 20-057, A.1): tiles hold exactly the features of their area. */
@UrbisTest
@DisplayName("OGC API - Tiles: core")
class TilesCoreTest {

  /** ST_AsMVT's buffer: a tile holds what touches it or the 256 of 4096 units around it. */
  private static final double BUFFER = 256.0 / 4096;
  /** Features touching only the outermost half unit may be rounded away; they need not be in the tile. */
  private static final double HALF_UNIT = 0.5 / 4096;

  private final Api api;
  private final Truth truth;

  TilesCoreTest(Api api, Truth truth) {
    this.api = api;
    this.truth = truth;
  }

  /** Dense tiles of every geometry type and storage CRS, in each tile matrix set, at several zooms. */
  static Stream<Arguments> denseTiles() {
    List<Arguments> tiles = new ArrayList<>();
    for (Layer layer : List.of(Layer.BUILDINGS, Layer.STREETS, Layer.POI, Layer.DISTRICTS)) {
      for (String zoom : List.of("13", "15", "16")) {
        tiles.add(Arguments.of(layer, "WebMercatorQuad", zoom));
      }
      tiles.add(Arguments.of(layer, "WorldCRS84Quad", "14"));
      tiles.add(Arguments.of(layer, "UTM32WGS84Quad", "15"));
    }
    return tiles.stream();
  }

  @ParameterizedTest(name = "{0} {1}/{2}")
  @MethodSource("denseTiles")
  @DisplayName("/conf/core/tc-success: a tile holds the features PostGIS finds in its area, with their attributes")
  void tcSuccess(Layer layer, String tileMatrixSet, String zoom) {
    TileGrid grid = TileGrid.fetch(api, tileMatrixSet);
    double[] position = truth.pointOnFeature(layer, 7, grid.srid());
    TileGrid.Tile tile = grid.tileAt(zoom, position[0], position[1]);
    MvtTile.MvtLayer tileLayer = TileContents.fetch(api, layer, tile).layer(layer.id());
    Set<String> inTile = TileContents.keys(layer, tileLayer);
    Set<String> touching = truth.keysIntersecting(layer, grid.srid(), tile.envelopeSql(-HALF_UNIT));
    Set<String> nearby = truth.keysIntersecting(layer, grid.srid(), tile.envelopeSql(BUFFER + HALF_UNIT));
    Set<String> missing = new TreeSet<>(touching);
    missing.removeAll(inTile);
    Set<String> foreign = new TreeSet<>(inTile);
    foreign.removeAll(nearby);
    assertAll(tile.path(),
        () -> assertFalse(touching.isEmpty(), "the fixture has features in " + tile.path()),
        () -> assertTrue(missing.isEmpty(), "features in the tile's area but not in the tile: " + missing),
        () -> assertTrue(foreign.isEmpty(), "features in the tile but not within its buffer: " + foreign),
        () -> assertWithinBuffer(tileLayer));
  }

  @Test
  @DisplayName("/conf/core/tc-success: attributes are the stored values")
  void attributes() {
    TileGrid grid = TileGrid.fetch(api, "WebMercatorQuad");
    double[] position = truth.pointOnFeature(Layer.BUILDINGS, 100, grid.srid());
    MvtTile.MvtLayer tileLayer = TileContents.fetch(api, Layer.BUILDINGS, grid.tileAt("16", position[0],
        position[1])).layer(Layer.BUILDINGS.id());
    assertFalse(tileLayer.features().isEmpty(), "features in the tile");
    List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
    for (MvtTile.MvtFeature feature : tileLayer.features()) {
      List<String> row = truth.rows("SELECT name, floors::text, coalesce(height::text, 'null'), residential::text"
          + " FROM buildings WHERE id = ?", feature.id()).get(0);
      checks.add(() -> assertEquals(row.get(0), feature.attributes().get("name"), "name of " + feature.id()));
      checks.add(() -> assertEquals(Long.parseLong(row.get(1)), feature.attributes().get("floors"),
          "floors of " + feature.id()));
      checks.add(() -> assertEquals(row.get(2).equals("null") ? null : Double.parseDouble(row.get(2)),
          feature.attributes().get("height"), "height of " + feature.id()));
      checks.add(() -> assertEquals(Boolean.parseBoolean(row.get(3)),
          feature.attributes().get("residential"), "residential of " + feature.id()));
    }
    assertAll(checks.stream());
  }

  @Test
  @DisplayName("/conf/core/tc-error: a tile outside the limits is 404, a malformed address 400")
  void tcError() {
    String tiles = "/collections/" + Layer.BUILDINGS.id() + "/tiles/WebMercatorQuad/";
    assertAll(
        () -> OgcExceptions.assertException(api.get(tiles + "16/0/0", "Accept", TileContents.MVT), 404),
        () -> OgcExceptions.assertException(api.get(tiles + "3/8/0", "Accept", TileContents.MVT), 404),
        () -> OgcExceptions.assertException(api.get(tiles + "25/0/0", "Accept", TileContents.MVT), 404),
        () -> OgcExceptions.assertException(api.get(tiles + "3/-1/0", "Accept", TileContents.MVT), 400),
        () -> OgcExceptions.assertException(api.get(tiles + "3/a/0", "Accept", TileContents.MVT), 400));
  }

  @Test
  @DisplayName("/conf/core/tc-error: a tile within the limits without features is 204 No Content")
  void emptyTile() {
    TileGrid grid = TileGrid.fetch(api, "WebMercatorQuad");
    double[] position = truth.pointOnFeature(Layer.BUILDINGS, 500, grid.srid());
    // buildings stand 60 m apart and are at most 36 m wide: 28 m east of a building's centre (45 Web Mercator
    // metres at 51° N) lies a gap wider than a zoom 24 tile and its buffer
    TileGrid.Tile tile = grid.tileAt("24", position[0] + 45, position[1]);
    assertTrue(truth.keysIntersecting(Layer.BUILDINGS, grid.srid(), tile.envelopeSql(BUFFER)).isEmpty(),
        "the fixture has no building in " + tile.path());
    Reply reply = api.get("/collections/" + Layer.BUILDINGS.id() + "/tiles/" + tile.path(), "Accept",
        TileContents.MVT);
    assertEquals(204, reply.status(), reply::describe);
    assertEquals(0, reply.body().length, "no content");
  }

  @Test
  @DisplayName("tiles carry a strong ETag and Cache-Control, and If-None-Match gets 304")
  void caching() {
    TileGrid grid = TileGrid.fetch(api, "WebMercatorQuad");
    double[] position = truth.pointOnFeature(Layer.STREETS, 3, grid.srid());
    String path = "/collections/" + Layer.STREETS.id() + "/tiles/" + grid.tileAt("14", position[0], position[1])
        .path();
    Reply first = api.get(path, "Accept", TileContents.MVT);
    String etag = first.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + first.describe()));
    assertAll(
        () -> assertFalse(etag.startsWith("W/"), "a strong ETag: " + etag),
        () -> assertTrue(first.header("Cache-Control").orElse("").contains("max-age"), "Cache-Control"),
        () -> assertEquals(304, api.get(path, "Accept", TileContents.MVT, "If-None-Match", etag).status()),
        () -> assertEquals(etag, api.get(path, "Accept", TileContents.MVT).header("ETag").orElse(null),
            "the same tile has the same ETag"));
  }

  private static void assertWithinBuffer(MvtTile.MvtLayer layer) {
    long low = -256;
    long high = layer.extent() + 256L;
    for (MvtTile.MvtFeature feature : layer.features()) {
      for (List<long[]> part : feature.parts()) {
        for (long[] xy : part) {
          assertTrue(xy[0] >= low && xy[0] <= high && xy[1] >= low && xy[1] <= high,
              "feature " + feature.id() + " has (" + xy[0] + ", " + xy[1] + ") outside the tile and its buffer");
        }
      }
    }
  }
}
