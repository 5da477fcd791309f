package io.urbis.conformance.editing;

import static io.urbis.conformance.editing.Writes.BUILDINGS;
import static io.urbis.conformance.editing.Writes.GEOJSON;
import static io.urbis.conformance.editing.Writes.MERGE_PATCH;
import static io.urbis.conformance.editing.Writes.UTM;
import static io.urbis.conformance.editing.Writes.building;
import static io.urbis.conformance.editing.Writes.created;
import static io.urbis.conformance.editing.Writes.planner;
import static io.urbis.conformance.editing.Writes.surveyor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.EditedData;
import io.urbis.conformance.support.EditingExtension;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.OgcExceptions;
import io.urbis.conformance.support.UrbisExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail: every committed write, and only those, has one row of the same transaction in {@code urbis_audit}
 * naming the caller (the API key's name), the operation, the collection, the feature and the row before and after as
 * it is stored; {@code urbis audit} lists them.
 */
@ExtendWith({UrbisExtension.class, EditingExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Part 4: the audit trail")
class AuditTrailTest {

  private final EditedData data;
  private final Api api;

  AuditTrailTest(EditedData data) {
    this.data = data;
    this.api = data.api();
  }

  @Test
  @DisplayName("each committed write has its audit row with the rows before and after; refused writes have none")
  void everyCommittedWriteIsRecorded() {
    String id = created(api, building("audited", 337000, 5730000, "\"storeys\": 1"));
    List<String> create = data.latestAudit(1).get(0);
    assertEquals(List.of("planning-office", "create", "editing.buildings", id), create.subList(0, 4));
    assertNull(create.get(4));
    assertEquals(row(id), Json.parse(create.get(5)));

    JsonNode before = row(id);
    assertEquals(204, api.send("PATCH", BUILDINGS + "/" + id, "{\"properties\": {\"storeys\": 2, \"owner_type\":"
        + " \"municipal\"}}", planner("Content-Type", MERGE_PATCH)).status());
    List<String> update = data.latestAudit(1).get(0);
    assertEquals(List.of("planning-office", "update", "editing.buildings", id), update.subList(0, 4));
    assertEquals(before, Json.parse(update.get(4)));
    assertEquals(row(id), Json.parse(update.get(5)));

    String stored = data.stored();
    OgcExceptions.assertException(api.send("PATCH", BUILDINGS + "/" + id, "{\"properties\": {\"owner_type\":"
        + " \"private\"}}", surveyor("Content-Type", MERGE_PATCH)), 403);
    OgcExceptions.assertException(api.send("PATCH", BUILDINGS + "/" + id, "{\"properties\": {\"storeys\": 3}}",
        planner("Content-Type", MERGE_PATCH, "If-Match", "\"0\"")), 412);
    assertEquals(stored, data.stored(), "a refused write leaves neither a change nor an audit row");

    assertEquals(204, api.send("PUT", BUILDINGS + "/" + id, building("resurveyed", 337000, 5730000,
        "\"owner_type\": \"municipal\""), surveyor("Content-Type", GEOJSON, "Content-Crs", UTM)).status());
    assertEquals(List.of("survey-office", "replace"), data.latestAudit(1).get(0).subList(0, 2));
    JsonNode replaced = row(id);
    assertEquals(204, api.send("DELETE", BUILDINGS + "/" + id, null, planner()).status());
    List<String> delete = data.latestAudit(1).get(0);
    assertEquals(List.of("planning-office", "delete", "editing.buildings", id), delete.subList(0, 4));
    assertEquals(replaced, Json.parse(delete.get(4)));
    assertNull(delete.get(5));
  }

  @Test
  @DisplayName("urbis audit lists the latest writes, newest first, with what they changed")
  void auditCommand() throws Exception {
    String id = created(api, building("listed", 337100, 5730100, ""));
    assertEquals(204, api.send("PATCH", BUILDINGS + "/" + id, "{\"properties\": {\"height\": 8}}",
        planner("Content-Type", MERGE_PATCH)).status());
    List<String> lines = run(data.urbis().jar(), "audit", data.database().serverUrl(), "--limit", "2");
    assertEquals(3, lines.size(), lines::toString);
    assertEquals(List.of("planning-office", "update", "editing.buildings/" + id, "height"),
        List.of(lines.get(1).split("\t")).subList(2, 6));
    assertEquals(List.of("planning-office", "create", "editing.buildings/" + id),
        List.of(lines.get(2).split("\t")).subList(2, 5));
  }

  /** The row of the building as {@code to_jsonb} writes it, as the audit table keeps it. */
  private JsonNode row(String id) {
    return Json.parse(data.database().column("SELECT to_jsonb(b)::text FROM editing.buildings b WHERE id = ?",
        Integer.parseInt(id)).get(0));
  }

  private static List<String> run(Path jar, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-jar", jar.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(true, process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    return output.lines().toList();
  }
}
