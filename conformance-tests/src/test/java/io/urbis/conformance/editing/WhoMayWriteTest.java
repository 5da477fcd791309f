package io.urbis.conformance.editing;

import static io.urbis.conformance.editing.Writes.BUILDINGS;
import static io.urbis.conformance.editing.Writes.GEOJSON;
import static io.urbis.conformance.editing.Writes.MERGE_PATCH;
import static io.urbis.conformance.editing.Writes.building;
import static io.urbis.conformance.editing.Writes.planner;
import static io.urbis.conformance.editing.Writes.surveyor;
import static io.urbis.conformance.editing.Writes.viewer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.EditedData;
import io.urbis.conformance.support.EditingExtension;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.OgcExceptions;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.Source;
import io.urbis.conformance.support.Urbis;
import io.urbis.conformance.support.UrbisExtension;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may change what, and how a client finds out: OPTIONS lists the methods the caller may use, writes of callers
 * who may not are a 401 (anonymous, with the challenge) or a 403, the conformance classes of Part 4 are declared
 * where something can be written, and the OpenAPI document describes the writes only to those who may do them.
 */
@ExtendWith({UrbisExtension.class, EditingExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Part 4: who may write, OPTIONS, conformance and OpenAPI")
class WhoMayWriteTest {

  private static final String PART4 = "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/";

  private final EditedData data;
  private final Api api;

  WhoMayWriteTest(EditedData data) {
    this.data = data;
    this.api = data.api();
  }

  @Test
  @DisplayName("/req/create-replace-delete/options-response: Allow lists what the caller may do")
  void optionsListWhatTheCallerMayDo() {
    assertEquals("GET, HEAD, OPTIONS", allow(BUILDINGS));
    assertEquals("GET, HEAD, OPTIONS", allow(BUILDINGS + "/1", viewer()));
    assertEquals("GET, HEAD, OPTIONS, POST", allow(BUILDINGS, planner()));
    assertEquals("GET, HEAD, OPTIONS, PUT, PATCH, DELETE", allow(BUILDINGS + "/1", surveyor()));
    Reply item = api.send("OPTIONS", BUILDINGS + "/1", null, planner());
    assertEquals(MERGE_PATCH, item.header("Accept-Patch").orElseThrow());
    OgcExceptions.assertException(api.send("OPTIONS", "/collections/nothing/items", null, planner()), 404);
  }

  @Test
  @DisplayName("a write without credentials is a 401 with the challenge, one of a reader a 403, and changes nothing")
  void callersWhoMayNotWrite() {
    String stored = data.stored();
    Reply anonymous = api.send("POST", BUILDINGS, building("x", 333100, 5726100, ""), "Content-Type", GEOJSON);
    OgcExceptions.assertException(anonymous, 401);
    assertTrue(anonymous.header("WWW-Authenticate").orElseThrow().startsWith("ApiKey"), anonymous::describe);
    OgcExceptions.assertException(api.send("PATCH", BUILDINGS + "/1", "{\"properties\": {\"name\": \"x\"}}",
        viewer("Content-Type", MERGE_PATCH)), 403);
    OgcExceptions.assertException(api.send("DELETE", BUILDINGS + "/1", null, viewer()), 403);
    assertEquals(stored, data.stored());
  }

  @Test
  @DisplayName("the conformance classes of Part 4 are declared where some collection is writable, and only there")
  void conformanceClasses(Urbis urbis) {
    Set<String> writable = classes(api);
    for (String declared : List.of("create-replace-delete", "update", "features")) {
      assertTrue(writable.contains(PART4 + declared), declared + " missing from " + writable);
    }
    assertTrue(classes(urbis.api(Source.POSTGIS)).stream().noneMatch(uri -> uri.startsWith(PART4)),
        "the fixture's server writes nothing");
  }

  @Test
  @DisplayName("the OpenAPI document describes the writes to those who may do them")
  void openApiPerCaller() {
    assertEquals(Set.of("get", "post"), methods(document(planner()), "/collections/editing.buildings/items"));
    assertEquals(Set.of("get", "put", "patch", "delete"),
        methods(document(surveyor()), "/collections/editing.buildings/items/{featureId}"));
    assertEquals(Set.of("get"), methods(document(viewer()), "/collections/editing.buildings/items/{featureId}"));
    assertEquals(Set.of("get"), methods(document(), "/collections/editing.counters/items"));
    assertFalse(document().toString().contains("createFeature"));
  }

  private JsonNode document(String... headers) {
    Reply reply = api.get("/api", Writes.with("Accept", "application/vnd.oai.openapi+json;version=3.0", headers));
    assertEquals(200, reply.status(), reply::describe);
    return reply.json();
  }

  private static Set<String> methods(JsonNode document, String path) {
    Set<String> methods = new TreeSet<>();
    document.path("paths").path(path).fieldNames().forEachRemaining(methods::add);
    return methods;
  }

  private String allow(String target, String... headers) {
    Reply reply = api.send("OPTIONS", target, null, headers);
    assertEquals(200, reply.status(), reply::describe);
    return reply.header("Allow").orElseThrow();
  }

  private static Set<String> classes(Api api) {
    return Json.elements(api.json("/conformance").path("conformsTo")).stream().map(JsonNode::asText)
        .collect(Collectors.toSet());
  }
}
