package io.urbis.conformance.editing;

import static io.urbis.conformance.editing.Writes.BUILDINGS;
import static io.urbis.conformance.editing.Writes.GEOJSON;
import static io.urbis.conformance.editing.Writes.building;
import static io.urbis.conformance.editing.Writes.created;
import static io.urbis.conformance.editing.Writes.planner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.EditedData;
import io.urbis.conformance.support.EditingExtension;
import io.urbis.conformance.support.MvtTile;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.UrbisExtension;
import io.urbis.conformance.support.WebMercatorTiles;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A write is seen by the very next request: numberMatched counts it and the vector tiles it touches are built anew
 * (their cache follows the data version, which the write moves), with no wait.
 */
@ExtendWith({UrbisExtension.class, EditingExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Part 4: counts and tiles are fresh after a write")
class FreshAfterWritesTest {

  private static final String MVT = "application/vnd.mapbox-vector-tile";
  /** A place far from the other buildings, in UTM 32N and CRS84 (its tile holds nothing else). */
  private static final double EASTING = 340000;
  private static final double NORTHING = 5735000;

  private final EditedData data;
  private final Api api;

  FreshAfterWritesTest(EditedData data) {
    this.data = data;
    this.api = data.api();
  }

  @Test
  @DisplayName("numberMatched counts a feature created or deleted a moment ago")
  void numberMatchedIsFresh() {
    long before = matched();
    String id = created(api, building("counted", EASTING - 500, NORTHING, ""));
    assertEquals(before + 1, matched());
    assertEquals(204, api.send("DELETE", BUILDINGS + "/" + id, null, planner()).status());
    assertEquals(before, matched());
  }

  @Test
  @DisplayName("a tile shows a feature created, moved or deleted a moment ago")
  void tilesAreFresh() {
    List<String> corner = data.database().rows("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Transform(ST_SetSRID("
        + "ST_MakePoint(?, ?), 25832), 4326) p) c", EASTING + 5, NORTHING + 5).get(0);
    String tile = "/collections/editing.buildings/tiles/WebMercatorQuad/" + WebMercatorTiles.path(
        WebMercatorTiles.at(Double.parseDouble(corner.get(0)), Double.parseDouble(corner.get(1)), 17));
    // nothing there yet: no feature in the tile (204), or the tile lies beyond the data (404)
    assertTrue(Set.of(204, 404).contains(tile(tile).status()));
    String id = created(api, building("drawn", EASTING, NORTHING, ""));
    Reply drawn = tile(tile);
    assertEquals(200, drawn.status(), drawn::describe);
    MvtTile.MvtFeature feature = MvtTile.decode(drawn.body()).layer("editing.buildings").features().get(0);
    assertEquals(Long.parseLong(id), feature.id());
    assertEquals(204, api.send("PATCH", BUILDINGS + "/" + id, "{\"properties\": {\"name\": \"renamed\"}}",
        planner("Content-Type", "application/merge-patch+json")).status());
    Reply renamed = tile(tile);
    assertNotEquals(drawn.header("ETag"), renamed.header("ETag"), "a changed feature changes its tile");
    assertEquals(204, api.send("DELETE", BUILDINGS + "/" + id, null, planner()).status());
    assertTrue(Set.of(204, 404).contains(tile(tile).status()), "the feature is gone from its tile");
  }

  private Reply tile(String path) {
    return api.get(path, "Accept", MVT);
  }

  private long matched() {
    Reply reply = api.get(BUILDINGS + "?limit=1", "Accept", GEOJSON);
    assertEquals(200, reply.status(), reply::describe);
    return reply.json().path("numberMatched").asLong();
  }
}
