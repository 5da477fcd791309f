package io.urbis.conformance.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.EditedParcels;
import io.urbis.conformance.support.Gdal;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.MvtTile;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.Source;
import io.urbis.conformance.support.Urbis;
import io.urbis.conformance.support.UrbisExtension;
import io.urbis.conformance.support.WebMercatorTiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Part 4 tests of PostGIS ({@link ConcurrentWritesTest}, {@link FreshAfterWritesTest}) ask, of a GeoPackage
 * written by its server (a file exported by ogr2ogr, {@link EditedParcels}): writers side by side lose no update,
 * SQLite taking one write at a time; and the next request counts and draws what was just written.
 */
@ExtendWith(UrbisExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Part 4 on a GeoPackage: no lost update, counts and tiles fresh after a write")
class GeoPackageWritesTest {

  private static final String WRITER = "gpkg-writer";
  private static final int WRITERS = 8;
  private static final int PATCHES = 500;
  private static final String MVT = "application/vnd.mapbox-vector-tile";
  /** A place far from the parcels, in EPSG:25832 (its tile holds nothing else). */
  private static final double EASTING = 362000;
  private static final double NORTHING = 5650000;

  private Urbis urbis;
  private EditedParcels parcels;
  private Api api;
  private String items;

  @BeforeAll
  void start(Urbis environment) {
    Assumptions.assumeTrue(Source.selected().contains(Source.GEOPACKAGE), "the GeoPackage source is not selected");
    urbis = environment;
    parcels = EditedParcels.start(urbis, "gpkg", List.of(WRITER), List.of(Source.GEOPACKAGE));
    api = parcels.api(Source.GEOPACKAGE);
    items = parcels.items(Source.GEOPACKAGE);
  }

  @AfterAll
  void stop() {
    if (parcels != null) {
      parcels.close();
    }
  }

  @Test
  @DisplayName("8 writers x 500 PATCH with If-Match on 20 counters: each ends at the sum of its accepted increments")
  void noLostUpdate() throws Exception {
    Assumptions.assumeTrue(Gdal.onPath("ogr2ogr"), "GDAL's ogr2ogr is not on the PATH");
    List<String> ids = IntStream.rangeClosed(1, EditedParcels.PARCELS).mapToObj(Integer::toString).toList();
    ConcurrentIncrements.Outcome outcome = new ConcurrentIncrements(api, items, credentials(), ids)
        .run(WRITERS, PATCHES);
    assertEquals((long) WRITERS * PATCHES, outcome.acceptedTotal() + outcome.refused());
    assertTrue(outcome.refused() > 0, "writers met each other: some increments came too late");
    List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON", "/vsistdout/"));
    command.addAll(parcels.gdalLayer(Source.GEOPACKAGE));
    command.add("-preserve_fid");
    Map<String, Long> stored = new HashMap<>();
    Json.elements(Json.parse(parcels.gdal(command)).get("features")).forEach(feature ->
        stored.put(feature.get("id").asText(), feature.at("/properties/counter").asLong()));
    for (String id : ids) {
      assertEquals(outcome.accepted().get(id), stored.get(id), "counter " + id);
    }
  }

  @Test
  @DisplayName("numberMatched and a tile show a feature created, changed or deleted a moment ago")
  void countsAndTilesAreFresh() {
    List<String> corner = urbis.database().rows("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Transform(ST_SetSRID("
        + "ST_MakePoint(?, ?), 25832), 4326) p) c", EASTING + 5, NORTHING + 5).get(0);
    String tile = "/collections/" + EditedParcels.COLLECTION + "/tiles/WebMercatorQuad/" + WebMercatorTiles.path(
        WebMercatorTiles.at(Double.parseDouble(corner.get(0)), Double.parseDouble(corner.get(1)), 17));
    assertTrue(Set.of(204, 404).contains(tile(tile).status()), "nothing there yet");
    long before = matched();

    Reply created = api.send("POST", items, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
        + "[[[" + EASTING + "," + NORTHING + "],[" + (EASTING + 10) + "," + NORTHING + "],[" + (EASTING + 10) + ","
        + (NORTHING + 10) + "],[" + EASTING + "," + (NORTHING + 10) + "],[" + EASTING + "," + NORTHING + "]]]},"
        + "\"properties\":{\"name\":\"drawn\"}}", headers("Content-Type", "application/geo+json", "Content-Crs",
        EditedParcels.STORAGE_CRS));
    assertEquals(201, created.status(), created::describe);
    String location = created.header("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    assertEquals(before + 1, matched());
    Reply drawn = tile(tile);
    assertEquals(200, drawn.status(), drawn::describe);
    assertEquals(Long.parseLong(id), MvtTile.decode(drawn.body()).layer(EditedParcels.COLLECTION).features().get(0)
        .id());

    assertEquals(204, api.send("PATCH", items + "/" + id, "{\"properties\":{\"name\":\"renamed\"}}",
        headers("Content-Type", "application/merge-patch+json")).status());
    assertNotEquals(drawn.header("ETag"), tile(tile).header("ETag"), "a changed feature changes its tile");
    assertEquals(204, api.send("DELETE", items + "/" + id, null, headers()).status());
    assertEquals(before, matched());
    assertTrue(Set.of(204, 404).contains(tile(tile).status()), "the feature is gone from its tile");
  }

  private Reply tile(String path) {
    return api.get(path, "Accept", MVT);
  }

  private long matched() {
    Reply reply = api.get(items + "?limit=1", "Accept", "application/geo+json");
    assertEquals(200, reply.status(), reply::describe);
    return reply.json().path("numberMatched").asLong();
  }

  private List<String> credentials() {
    return List.of("X-API-Key", parcels.apiKey(WRITER));
  }

  private String[] headers(String... more) {
    List<String> all = new ArrayList<>(credentials());
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
