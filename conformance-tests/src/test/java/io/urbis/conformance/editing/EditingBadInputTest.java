package io.urbis.conformance.editing;

import static io.urbis.conformance.editing.Writes.BUILDINGS;
import static io.urbis.conformance.editing.Writes.GEOJSON;
import static io.urbis.conformance.editing.Writes.MERGE_PATCH;
import static io.urbis.conformance.editing.Writes.UTM;
import static io.urbis.conformance.editing.Writes.building;
import static io.urbis.conformance.editing.Writes.planner;
import static io.urbis.conformance.editing.Writes.surveyor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.EditedData;
import io.urbis.conformance.support.EditingExtension;
import io.urbis.conformance.support.OgcExceptions;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.UrbisExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad writes: each gets its 4xx and an OGC exception, and nothing stored changes (the buildings table and the audit
 * table are compared before and after).
 */
@ExtendWith({UrbisExtension.class, EditingExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Part 4: bad writes change nothing")
class EditingBadInputTest {

  private static final String ITEM = BUILDINGS + "/1";
  private static final String IN_UTM = "<" + UTM + ">";

  private final EditedData data;
  private final Api api;

  EditingBadInputTest(EditedData data) {
    this.data = data;
    this.api = data.api();
  }

  static Stream<Arguments> badWrites() {
    String fine = building("fine", 336000, 5729000, "");
    return Stream.of(
        bad("malformed JSON", "POST", BUILDINGS, "{\"type\": \"Feature\", ", 400, "Content-Crs", IN_UTM),
        bad("an empty body", "POST", BUILDINGS, "", 400),
        bad("a feature collection", "POST", BUILDINGS, "{\"type\": \"FeatureCollection\", \"features\": []}", 400),
        bad("an unknown property", "POST", BUILDINGS, building("x", 336000, 5729000, "\"colour\": \"red\""), 400,
            "Content-Crs", IN_UTM),
        bad("a property of the wrong type", "PUT", ITEM, building("x", 336000, 5729000, "\"storeys\": \"two\""),
            400, "Content-Crs", IN_UTM),
        bad("a required property missing", "POST", BUILDINGS, fine.replace("\"name\": \"fine\"", "\"height\": 1"),
            400, "Content-Crs", IN_UTM),
        bad("a required property removed", "PATCH", ITEM, "{\"properties\": {\"name\": null}}", 400),
        bad("the wrong geometry type", "POST", BUILDINGS, "{\"type\": \"Feature\", \"geometry\": {\"type\":"
            + " \"Point\", \"coordinates\": [336000, 5729000]}, \"properties\": {\"name\": \"x\"}}", 400,
            "Content-Crs", IN_UTM),
        bad("heights where the collection has none", "POST", BUILDINGS, fine.replace("5729000.000]",
            "5729000.000, 30]"), 400, "Content-Crs", IN_UTM),
        bad("degrees under a Content-Crs in metres", "POST", BUILDINGS, building("x", 6.57, 51.65, ""), 400,
            "Content-Crs", IN_UTM),
        bad("metres without Content-Crs (CRS84)", "POST", BUILDINGS, fine, 400),
        bad("a Content-Crs the collection has not", "POST", BUILDINGS, fine, 400, "Content-Crs",
            "<http://www.opengis.net/def/crs/EPSG/0/25833>"),
        bad("a Content-Crs that names no CRS", "POST", BUILDINGS, fine, 400, "Content-Crs", "utm please"),
        bad("a value out of its column's range", "PATCH", ITEM, "{\"properties\": {\"storeys\": 1e12}}", 400),
        bad("a replacement of another id", "PUT", ITEM, fine.replace("{\"type\"", "{\"id\": 2, \"type\""), 400,
            "Content-Crs", IN_UTM),
        bad("an id taken", "POST", BUILDINGS, fine.replace("{\"type\"", "{\"id\": 1, \"type\""), 409,
            "Content-Crs", IN_UTM),
        bad("a malformed If-Match", "PATCH", ITEM, "{\"properties\": {\"name\": \"x\"}}", 400, "If-Match",
            "no tag"),
        bad("a body of another media type", "POST", BUILDINGS, fine, 415, "Content-Type", "text/plain"),
        bad("a merge patch as POST", "POST", BUILDINGS, fine, 415, "Content-Type", MERGE_PATCH),
        bad("a query parameter", "POST", BUILDINGS + "?f=json", fine, 400, "Content-Crs", IN_UTM),
        bad("a body over 8 MiB", "POST", BUILDINGS, building("x".repeat(9 * 1024 * 1024), 336000, 5729000, ""),
            413, "Content-Crs", IN_UTM));
  }

  /** {@code headers} come after the planner's key and a Content-Type fitting the method. */
  private static Arguments bad(String name, String method, String target, String body, int status,
      String... headers) {
    return Arguments.of(name, method, target, body, status, headers);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badWrites")
  void aBadWriteIsA4xxAndChangesNothing(String name, String method, String target, String body, int status,
      String[] headers) {
    String stored = data.stored();
    String type = method.equals("PATCH") ? MERGE_PATCH : GEOJSON;
    String[] all = headers.length > 0 && headers[0].equals("Content-Type")
        ? planner(headers) : planner(Writes.with("Content-Type", type, headers));
    Reply reply = api.send(method, target, body, all);
    OgcExceptions.assertException(reply, status);
    assertEquals(stored, data.stored(), name + " changed what is stored");
  }

  @Test
  @DisplayName("a property the caller does not see is as unknown as one that does not exist")
  void hiddenPropertyIsUnknown() {
    String stored = data.stored();
    String municipal = data.database().column("SELECT min(id)::text FROM editing.buildings WHERE owner_type ="
        + " 'municipal'").get(0);
    Reply hidden = api.send("PATCH", BUILDINGS + "/" + municipal, "{\"properties\": {\"heat_demand\": 1}}",
        surveyor("Content-Type", MERGE_PATCH));
    Reply absent = api.send("PATCH", BUILDINGS + "/" + municipal, "{\"properties\": {\"heat_demanx\": 1}}",
        surveyor("Content-Type", MERGE_PATCH));
    OgcExceptions.assertException(hidden, 400);
    OgcExceptions.assertException(absent, 400);
    assertEquals(absent.json().path("description").asText().replace("heat_demanx", "heat_demand"),
        hidden.json().path("description").asText());
    assertEquals(stored, data.stored());
  }

  @Test
  @DisplayName("one 400 names every problem of a body")
  void everyProblemInOneAnswer() {
    Reply reply = api.send("POST", BUILDINGS, "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\","
        + " \"coordinates\": [1, 2]}, \"properties\": {\"colour\": 1, \"storeys\": 2.5, \"updated\": \"soon\"}}",
        planner("Content-Type", GEOJSON));
    OgcExceptions.assertException(reply, 400);
    String description = reply.json().path("description").asText();
    for (String problem : new String[] {"/properties/colour", "/properties/storeys", "/properties/updated",
        "/properties/name: required", "/geometry"}) {
      assertTrue(description.contains(problem), problem + " in " + description);
    }
  }
}
