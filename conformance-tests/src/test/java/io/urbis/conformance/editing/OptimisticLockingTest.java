package io.urbis.conformance.editing;

import static io.urbis.conformance.editing.Writes.BUILDINGS;
import static io.urbis.conformance.editing.Writes.GEOJSON;
import static io.urbis.conformance.editing.Writes.MERGE_PATCH;
import static io.urbis.conformance.editing.Writes.UTM;
import static io.urbis.conformance.editing.Writes.building;
import static io.urbis.conformance.editing.Writes.created;
import static io.urbis.conformance.editing.Writes.etag;
import static io.urbis.conformance.editing.Writes.planner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.EditedData;
import io.urbis.conformance.support.EditingExtension;
import io.urbis.conformance.support.OgcExceptions;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.UrbisExtension;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Strong ETags and If-Match (OGC 20-002, optimistic locking with ETags; RFC 9110 13.1.1): every representation has
 * its own tag and revalidates with 304, a write is made only while the feature is as the client read it in any
 * representation, and a collection configured so takes no change without If-Match (428). Versions are those of what
 * the caller sees, so a writer reads with its own credentials.
 */
@ExtendWith({UrbisExtension.class, EditingExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Part 4: optimistic locking with ETags")
class OptimisticLockingTest {

  private static final String LOCKED = "/collections/editing.locked/items/1";

  private final EditedData data;
  private final Api api;

  OptimisticLockingTest(EditedData data) {
    this.data = data;
    this.api = data.api();
  }

  @Test
  @DisplayName("/req/optimistic-locking-etags/get-etag-response: each representation its own strong ETag, 304 while"
      + " it holds")
  void representationsAndRevalidation() {
    String item = BUILDINGS + "/" + created(api, building("tagged", 335000, 5728000, ""));
    String json = etag(api.get(item, planner("Accept", GEOJSON)));
    String html = etag(api.get(item + "?f=html", planner()));
    String utm = etag(api.get(item + "?crs=" + UTM, planner()));
    assertEquals(3, Set.of(json, html, utm).size(), "every representation has its own tag");
    assertTrue(!json.startsWith("W/"), "strong: " + json);
    assertEquals(304, api.get(item, planner("Accept", GEOJSON, "If-None-Match", json)).status());
    assertEquals(204, api.send("PATCH", item, "{\"properties\": {\"height\": 3}}",
        planner("Content-Type", MERGE_PATCH, "If-Match", utm)).status(), "If-Match takes any representation's tag");
    Reply changed = api.get(item, planner("Accept", GEOJSON, "If-None-Match", json));
    assertEquals(200, changed.status(), changed::describe);
    assertNotEquals(json, etag(changed));
  }

  @Test
  @DisplayName("/req/optimistic-locking-etags/ifmatch-patch-eval, ifmatch-put-eval: a stale If-Match is a 412 and"
      + " changes nothing")
  void staleIfMatch() {
    String item = BUILDINGS + "/" + created(api, building("locked", 335100, 5728100, ""));
    String read = etag(api.get(item, planner()));
    Reply first = api.send("PATCH", item, "{\"properties\": {\"height\": 4}}",
        planner("Content-Type", MERGE_PATCH, "If-Match", read));
    assertEquals(204, first.status(), first::describe);
    String stored = data.stored();
    OgcExceptions.assertException(api.send("PATCH", item, "{\"properties\": {\"height\": 5}}",
        planner("Content-Type", MERGE_PATCH, "If-Match", read)), 412);
    OgcExceptions.assertException(api.send("PUT", item, building("lost", 335100, 5728100,
        "\"owner_type\": \"private\""),
        planner("Content-Type", GEOJSON, "Content-Crs", UTM, "If-Match", read)), 412);
    OgcExceptions.assertException(api.send("DELETE", item, null, planner("If-Match", read)), 412);
    OgcExceptions.assertException(api.send("DELETE", item, null, planner("If-Match", "W/" + etag(first))), 412);
    assertEquals(stored, data.stored());
    assertEquals(204, api.send("DELETE", item, null, planner("If-Match", etag(first))).status(),
        "the ETag of the last write is the version");
    OgcExceptions.assertException(api.send("DELETE", item, null, planner("If-Match", "*")), 412);
  }

  @Test
  @DisplayName("/per/optimistic-locking-etags/ifmatch-patch-op: a collection that needs If-Match answers 428"
      + " without it")
  void requiredIfMatch() {
    String stored = data.database().column("SELECT name FROM editing.locked WHERE id = 1").get(0);
    OgcExceptions.assertException(api.send("PATCH", LOCKED, "{\"properties\": {\"name\": \"x\"}}",
        planner("Content-Type", MERGE_PATCH)), 428);
    OgcExceptions.assertException(api.send("DELETE", LOCKED, null, planner()), 428);
    assertEquals(stored, data.database().column("SELECT name FROM editing.locked WHERE id = 1").get(0));
    Reply reply = api.send("PATCH", LOCKED, "{\"properties\": {\"name\": \"unlocked\"}}",
        planner("Content-Type", MERGE_PATCH, "If-Match", etag(api.get(LOCKED, planner()))));
    assertEquals(204, reply.status(), reply::describe);
    assertEquals("unlocked", data.database().column("SELECT name FROM editing.locked WHERE id = 1").get(0));
  }
}
