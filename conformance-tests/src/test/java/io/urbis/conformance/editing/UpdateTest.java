package io.urbis.conformance.editing;

import static io.urbis.conformance.editing.Writes.BUILDINGS;
import static io.urbis.conformance.editing.Writes.GEOJSON;
import static io.urbis.conformance.editing.Writes.MERGE_PATCH;
import static io.urbis.conformance.editing.Writes.WGS84;
import static io.urbis.conformance.editing.Writes.building;
import static io.urbis.conformance.editing.Writes.created;
import static io.urbis.conformance.editing.Writes.etag;
import static io.urbis.conformance.editing.Writes.planner;
import static io.urbis.conformance.editing.Writes.surveyor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.EditedData;
import io.urbis.conformance.support.EditingExtension;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.OgcExceptions;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.UrbisExtension;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** PATCH with a JSON Merge Patch (OGC 20-002, conformance class update; RFC 7396). */
@ExtendWith({UrbisExtension.class, EditingExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Part 4: update")
class UpdateTest {

  private final EditedData data;
  private final Api api;

  UpdateTest(EditedData data) {
    this.data = data;
    this.api = data.api();
  }

  @Test
  @DisplayName("/conf/update/update-patch-op, update-patch-response: a merge patch changes what it names, null"
      + " removes, objects merge")
  void mergePatch() {
    String id = created(api, building("patched", 334000, 5727000, "\"storeys\": 4, \"height\": 12,"
        + " \"attributes\": {\"roof\": {\"shape\": \"gable\", \"colour\": \"red\"}, \"listed\": true}"));
    JsonNode before = api.json(BUILDINGS + "/" + id);
    Reply reply = api.send("PATCH", BUILDINGS + "/" + id, "{\"properties\": {\"height\": 13.5, \"storeys\": null,"
        + " \"attributes\": {\"roof\": {\"colour\": \"grey\"}, \"listed\": null}}}",
        planner("Content-Type", MERGE_PATCH));
    assertEquals(204, reply.status(), reply::describe);
    etag(reply);
    JsonNode after = api.json(BUILDINGS + "/" + id);
    assertEquals(13.5, after.at("/properties/height").asDouble());
    assertTrue(after.at("/properties/storeys").isNull());
    assertEquals(Json.parse("{\"roof\": {\"shape\": \"gable\", \"colour\": \"grey\"}}"),
        after.at("/properties/attributes"));
    assertEquals(before.at("/properties/name"), after.at("/properties/name"));
    assertEquals(before.path("geometry"), after.path("geometry"), "a patch without geometry keeps it");
  }

  @Test
  @DisplayName("/req/features/update-json-merge-patch C, /req/features/content-crs-header: a geometry patched in"
      + " EPSG:4326, latitude first")
  void geometryInAnotherCrs() {
    String id = created(api, building("moved", 334100, 5727100, ""));
    String square = "[[[%1$s, %2$s], [%1$s, %3$s], [%4$s, %3$s], [%1$s, %2$s]]]".formatted(EditedData.LAT,
        EditedData.LON, EditedData.LON + 0.0002, EditedData.LAT + 0.0001);
    Reply reply = api.send("PATCH", BUILDINGS + "/" + id, "{\"geometry\": {\"type\": \"Polygon\", \"coordinates\": "
        + square + "}}", planner("Content-Type", MERGE_PATCH, "Content-Crs", "<" + WGS84 + ">"));
    assertEquals(204, reply.status(), reply::describe);
    List<String> corner = data.database().rows("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointN(ST_ExteriorRing("
        + "ST_GeometryN(geom, 1)), 1) p FROM editing.buildings WHERE id = ?) c", Integer.parseInt(id)).get(0);
    assertEquals(EditedData.EASTING, Double.parseDouble(corner.get(0)), 0.01);
    assertEquals(EditedData.NORTHING, Double.parseDouble(corner.get(1)), 0.01);
  }

  @Test
  @DisplayName("/req/features/update-json-merge-patch B: the id cannot be changed; a patch that moves a feature out"
      + " of the caller's rows is a 403; a patch is merge-patch+json; none changes anything")
  void refusedPatches() {
    String municipal = data.database().column("SELECT max(id)::text FROM editing.buildings WHERE owner_type ="
        + " 'municipal'").get(0);
    String stored = data.stored();
    OgcExceptions.assertException(api.send("PATCH", BUILDINGS + "/" + municipal, "{\"id\": 12345}",
        planner("Content-Type", MERGE_PATCH)), 400);
    OgcExceptions.assertException(api.send("PATCH", BUILDINGS + "/" + municipal,
        "{\"properties\": {\"owner_type\": \"private\"}}", surveyor("Content-Type", MERGE_PATCH)), 403);
    OgcExceptions.assertException(api.send("PATCH", BUILDINGS + "/" + municipal,
        "{\"properties\": {\"name\": \"x\"}}", planner("Content-Type", GEOJSON)), 415);
    assertEquals(stored, data.stored());
  }
}
