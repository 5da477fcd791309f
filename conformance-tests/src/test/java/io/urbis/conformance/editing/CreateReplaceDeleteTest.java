package io.urbis.conformance.editing;

import static io.urbis.conformance.editing.Writes.BUILDINGS;
import static io.urbis.conformance.editing.Writes.GEOJSON;
import static io.urbis.conformance.editing.Writes.UTM;
import static io.urbis.conformance.editing.Writes.building;
import static io.urbis.conformance.editing.Writes.created;
import static io.urbis.conformance.editing.Writes.etag;
import static io.urbis.conformance.editing.Writes.planner;
import static io.urbis.conformance.editing.Writes.surveyor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.EditedData;
import io.urbis.conformance.support.EditingExtension;
import io.urbis.conformance.support.OgcExceptions;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.UrbisExtension;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Create, replace and delete (OGC 20-002, conformance class create-replace-delete, and features: GeoJSON bodies,
 * Content-Crs) against the PostGIS server of {@link EditedData}, each checked in the database too.
 */
@ExtendWith({UrbisExtension.class, EditingExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Part 4: create, replace, delete")
class CreateReplaceDeleteTest {

  private final EditedData data;
  private final Api api;

  CreateReplaceDeleteTest(EditedData data) {
    this.data = data;
    this.api = data.api();
  }

  @Test
  @DisplayName("/conf/create-replace-delete/insert/post-op, insert/response, crs/storage-crs: POST with Content-Crs,"
      + " then GET")
  void postInTheStorageCrsThenGet() {
    Reply reply = api.send("POST", BUILDINGS, building("posted", 332500.125, 5725500.5, "\"storeys\": 3"),
        planner("Content-Type", GEOJSON, "Content-Crs", "<" + UTM + ">"));
    assertEquals(201, reply.status(), reply::describe);
    String location = reply.header("Location").orElseThrow();
    assertTrue(location.startsWith(api.base() + "collections/editing.buildings/items/"), location);
    String id = location.substring(location.lastIndexOf('/') + 1);
    assertEquals("POINT(332500.125 5725500.5)", data.database().column("SELECT ST_AsText(ST_PointN("
        + "ST_ExteriorRing(ST_GeometryN(geom, 1)), 1)) FROM editing.buildings WHERE id = ?", Integer.parseInt(id))
        .get(0), "stored as sent, in the storage CRS");

    Reply inUtm = api.get(location + "?crs=" + UTM, "Accept", GEOJSON);
    assertEquals(200, inUtm.status(), inUtm::describe);
    JsonNode corner = inUtm.json().at("/geometry/coordinates/0/0/0");
    assertEquals(332500.125, corner.get(0).asDouble());
    assertEquals(5725500.5, corner.get(1).asDouble());
    JsonNode feature = api.json(location);
    assertEquals("posted", feature.at("/properties/name").asText());
    assertEquals(3, feature.at("/properties/storeys").asInt());
    assertEquals("private", feature.at("/properties/owner_type").asText(), "the column's default");
    assertEquals("MultiPolygon", feature.at("/geometry/type").asText());
    String created = etag(reply);
    assertTrue(etag(api.get(location, planner())).startsWith(created.substring(0, created.length() - 1) + "."),
        "the ETag of the POST is the version of the feature the planner reads");
  }

  @Test
  @DisplayName("/conf/create-replace-delete/crs/crs84: a body without Content-Crs is in CRS84")
  void postInCrs84() {
    String body = "{\"type\": \"Feature\", \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": [[["
        + point(EditedData.LON, EditedData.LAT) + ", " + point(EditedData.LON + 0.0002, EditedData.LAT) + ", "
        + point(EditedData.LON + 0.0002, EditedData.LAT + 0.0001) + ", " + point(EditedData.LON, EditedData.LAT)
        + "]]]}, \"properties\": {\"name\": \"in CRS84\"}}";
    Reply reply = api.send("POST", BUILDINGS, body, planner("Content-Type", "application/json"));
    assertEquals(201, reply.status(), reply::describe);
    String id = reply.header("Location").orElseThrow().replaceFirst(".*/", "");
    List<String> corner = data.database().rows("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointN(ST_ExteriorRing("
        + "ST_GeometryN(geom, 1)), 1) p FROM editing.buildings WHERE id = ?) c", Integer.parseInt(id)).get(0);
    assertEquals(EditedData.EASTING, Double.parseDouble(corner.get(0)), 0.01);
    assertEquals(EditedData.NORTHING, Double.parseDouble(corner.get(1)), 0.01);
  }

  @Test
  @DisplayName("/conf/create-replace-delete/insert/response-rid: every created feature gets its own id")
  void createdFeaturesHaveIdsOfTheirOwn() {
    String first = created(api, building("first", 332600, 5725600, ""));
    String second = created(api, building("second", 332620, 5725600, ""));
    assertNotEquals(first, second);
    assertEquals("first", api.json(BUILDINGS + "/" + first).at("/properties/name").asText());
    assertEquals("second", api.json(BUILDINGS + "/" + second).at("/properties/name").asText());
  }

  @Test
  @DisplayName("/conf/create-replace-delete/update/put/response: PUT replaces the feature, 204 with its ETag")
  void putReplaces() {
    String id = created(api, building("to replace", 332700, 5725700, "\"storeys\": 2, \"height\": 7.5"));
    Reply reply = api.send("PUT", BUILDINGS + "/" + id, building("replaced", 332710, 5725710, "\"height\": 9,"
        + " \"owner_type\": \"private\""),
        planner("Content-Type", GEOJSON, "Content-Crs", UTM));
    assertEquals(204, reply.status(), reply::describe);
    String version = etag(reply);
    JsonNode feature = api.json(BUILDINGS + "/" + id);
    assertEquals("replaced", feature.at("/properties/name").asText());
    assertEquals(9, feature.at("/properties/height").asDouble());
    assertTrue(feature.at("/properties/storeys").isNull(), "a property the replacement has not is removed");
    assertTrue(etag(api.get(BUILDINGS + "/" + id, planner())).startsWith(version.substring(0, version.length() - 1)
        + "."));
  }

  @Test
  @DisplayName("PUT keeps the properties the caller does not see; a feature outside its rows is absent")
  void putKeepsHiddenProperties() {
    String municipal = data.database().column("SELECT min(id)::text FROM editing.buildings WHERE owner_type ="
        + " 'municipal'").get(0);
    String heatDemand = heatDemand(municipal);
    Reply reply = api.send("PUT", BUILDINGS + "/" + municipal, building("surveyed", 332800, 5725800,
        "\"owner_type\": \"municipal\""), surveyor("Content-Type", GEOJSON, "Content-Crs", UTM));
    assertEquals(204, reply.status(), reply::describe);
    assertEquals(heatDemand, heatDemand(municipal), "heat_demand is hidden from the surveyor: kept");
    assertEquals("surveyed", data.database().column("SELECT name FROM editing.buildings WHERE id = ?",
        Integer.parseInt(municipal)).get(0));
    String privately = data.database().column("SELECT min(id)::text FROM editing.buildings WHERE owner_type ="
        + " 'private'").get(0);
    OgcExceptions.assertException(api.send("PUT", BUILDINGS + "/" + privately, building("x", 332800, 5725800,
        "\"owner_type\": \"municipal\""), surveyor("Content-Type", GEOJSON, "Content-Crs", UTM)), 404);
  }

  @Test
  @DisplayName("/conf/create-replace-delete/update/put/rid-exception: PUT of an absent feature is a 404, with"
      + " If-Match a 412, and creates nothing")
  void putOfAnAbsentFeature() {
    String stored = data.stored();
    String body = building("nowhere", 332900, 5725900, "\"owner_type\": \"private\"");
    OgcExceptions.assertException(api.send("PUT", BUILDINGS + "/999999", body,
        planner("Content-Type", GEOJSON, "Content-Crs", UTM)), 404);
    OgcExceptions.assertException(api.send("PUT", BUILDINGS + "/999999", body,
        planner("Content-Type", GEOJSON, "Content-Crs", UTM, "If-Match", "*")), 412);
    assertEquals(stored, data.stored());
  }

  @Test
  @DisplayName("/conf/create-replace-delete/delete/delete-op, delete/response: DELETE answers 204, then the feature"
      + " is gone")
  void deleteRemoves() {
    String id = created(api, building("to delete", 333000, 5726000, ""));
    Reply reply = api.send("DELETE", BUILDINGS + "/" + id, null, planner());
    assertEquals(204, reply.status(), reply::describe);
    OgcExceptions.assertException(api.get(BUILDINGS + "/" + id), 404);
    OgcExceptions.assertException(api.send("DELETE", BUILDINGS + "/" + id, null, planner()), 404);
    assertEquals(0, data.database().number("SELECT count(*) FROM editing.buildings WHERE id = ?",
        Integer.parseInt(id)));
  }

  private String heatDemand(String id) {
    return data.database().column("SELECT heat_demand::text FROM editing.buildings WHERE id = ?",
        Integer.parseInt(id)).get(0);
  }

  private static String point(double lon, double lat) {
    return "[" + lon + ", " + lat + "]";
  }
}
