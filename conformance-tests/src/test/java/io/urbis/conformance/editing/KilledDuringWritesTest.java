package io.urbis.conformance.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.EditedParcels;
import io.urbis.conformance.support.Gdal;
import io.urbis.conformance.support.Geometries;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.Source;
import io.urbis.conformance.support.Urbis;
import io.urbis.conformance.support.UrbisExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server killed (SIGKILL) in the middle of a write load leaves no partial feature, and an audit row for every write
 * a client saw succeed: four writers each create features and PATCH their counters under {@code If-Match} until the
 * server dies under them; then GDAL reads the table or the file directly. Every feature the writers made parses whole
 * (name, counter, a closed ring), each one has exactly one {@code create} row, every write answered 201 or 204 has
 * its row, and each feature is what its latest row says it became.
 */
@ExtendWith(UrbisExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("a server killed during writes leaves whole features and an audit row for every committed write")
class KilledDuringWritesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int WRITERS = 4;
  /** Successful writes after which the server is killed, while the writers go on. */
  private static final int KILL_AFTER = 60;

  /** A write the client saw succeed: the feature, the operation, and the counter it wrote. */
  private record Write(String caller, String featureId, String operation, int counter) {}

  private EditedParcels data;

  @BeforeAll
  void start(Urbis urbis) {
    data = EditedParcels.start(urbis, "killed", callers());
  }

  @AfterAll
  void stop() {
    if (data != null) {
      data.close();
    }
  }

  static List<Source> sources() {
    return Source.selected();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  @DisplayName("SIGKILL during 4 writers' POSTs and PATCHes: whole features, a row per committed write")
  void killedDuringWrites(Source source) throws Exception {
    Assumptions.assumeTrue(Gdal.onPath("ogr2ogr"), "GDAL's ogr2ogr is not on the PATH");
    Api api = data.api(source);
    Queue<Write> succeeded = new ConcurrentLinkedQueue<>();
    List<Thread> writers = new ArrayList<>();
    for (String caller : callers()) {
      Thread writer = new Thread(() -> write(api, source, caller, succeeded), caller);
      writer.start();
      writers.add(writer);
    }
    while (succeeded.size() < KILL_AFTER && writers.stream().anyMatch(Thread::isAlive)) {
      Thread.sleep(10);
    }
    data.kill(source);
    for (Thread writer : writers) {
      writer.join();
    }
    String label = source.label();
    assertTrue(succeeded.size() >= KILL_AFTER, label + " only " + succeeded.size() + " writes succeeded");

    Map<String, JsonNode> features = new HashMap<>();
    for (JsonNode feature : Json.elements(gdal(source, data.gdalLayer(source), "name LIKE 'writer-%'"))) {
      features.put(feature.path("id").asText(), feature);
    }
    List<JsonNode> audit = Json.elements(gdal(source, List.of(data.gdalLayer(source).get(0)),
        "SELECT caller, feature_id, operation, " + (source == Source.POSTGIS ? "after::text" : "after")
            + " AS after FROM urbis_audit WHERE caller LIKE 'writer-%' ORDER BY id"));
    List<String> problems = new ArrayList<>();
    features.forEach((id, feature) -> wholeFeature(id, feature, problems));
    Map<String, JsonNode> latest = new HashMap<>();
    Map<String, Integer> creates = new HashMap<>();
    for (JsonNode row : audit) {
      JsonNode properties = row.get("properties");
      String id = properties.get("feature_id").asText();
      latest.put(id, properties);
      if (properties.get("operation").asText().equals("create")) {
        creates.merge(id, 1, Integer::sum);
      }
    }
    for (Write write : succeeded) {
      boolean recorded = audit.stream().map(row -> row.get("properties")).anyMatch(row ->
          row.get("caller").asText().equals(write.caller()) && row.get("feature_id").asText().equals(write.featureId())
          && row.get("operation").asText().equals(write.operation())
          && after(row).path("counter").asInt(-1) == write.counter());
      if (!recorded) {
        problems.add("no audit row for " + write);
      }
    }
    features.keySet().forEach(id -> {
      if (creates.getOrDefault(id, 0) != 1) {
        problems.add("feature " + id + " has " + creates.getOrDefault(id, 0) + " create rows");
      }
    });
    latest.forEach((id, row) -> agrees(id, after(row), features.get(id), problems));
    assertTrue(problems.isEmpty(), () -> label + " after " + succeeded.size() + " writes:\n"
        + String.join("\n", problems));
    if (source == Source.GEOPACKAGE) {
      assertEquals("", Gdal.validateGeoPackage(data.geoPackage()), label + " validate_gpkg.py");
    }
  }

  /** Creates features and counts each up twice under If-Match, until the server no longer answers. */
  private void write(Api api, Source source, String caller, Queue<Write> succeeded) {
    String items = data.items(source);
    String key = data.apiKey(caller);
    int writer = Integer.parseInt(caller.substring(caller.indexOf('-') + 1));
    try {
      for (int n = 0; ; n++) {
        double x = 358000 + writer * 2000 + (n % 50) * 30;
        double y = 5646000 + (n / 50) * 30;
        Reply created = api.send("POST", items, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\","
            + "\"coordinates\":[[[" + x + "," + y + "],[" + (x + 20) + "," + y + "],[" + (x + 20) + "," + (y + 20)
            + "],[" + x + "," + (y + 20) + "],[" + x + "," + y + "]]]},\"properties\":{\"name\":\"" + caller + "-"
            + n + "\",\"counter\":0}}", "X-API-Key", key, "Content-Type", "application/geo+json",
            "Content-Crs", EditedParcels.STORAGE_CRS);
        if (created.status() != 201) {
          throw new AssertionError(created.describe());
        }
        String location = created.header("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        succeeded.add(new Write(caller, id, "create", 0));
        String tag = created.header("ETag").orElseThrow();
        for (int counter = 1; counter <= 2; counter++) {
          Reply patched = api.send("PATCH", items + "/" + id, "{\"properties\":{\"counter\":" + counter + "}}",
              "X-API-Key", key, "Content-Type", "application/merge-patch+json", "If-Match", tag);
          if (patched.status() != 204) {
            throw new AssertionError(patched.describe());
          }
          succeeded.add(new Write(caller, id, "update", counter));
          tag = patched.header("ETag").orElseThrow();
        }
      }
    } catch (UncheckedIOException serverGone) {
      // the server was killed: the write in flight may or may not have been committed
    }
  }

  /** A feature a writer made, as GDAL parsed it: its name, its counter and one closed ring of five positions. */
  private static void wholeFeature(String id, JsonNode feature, List<String> problems) {
    JsonNode properties = feature.path("properties");
    JsonNode ring = feature.path("geometry").path("coordinates").path(0);
    boolean whole = properties.path("name").asText("").startsWith("writer-") && properties.path("counter").isInt()
        && ring.size() == 5 && ring.get(0).equals(ring.get(4));
    if (!whole) {
      problems.add("feature " + id + " is not whole: " + feature);
    }
  }

  /** The feature is what the audit row written last says it became. */
  private static void agrees(String id, JsonNode after, JsonNode feature, List<String> problems) {
    if (feature == null) {
      problems.add("feature " + id + " of the audit is not stored");
      return;
    }
    JsonNode properties = feature.get("properties");
    if (!after.path("name").asText().equals(properties.path("name").asText())
        || after.path("counter").asInt(-1) != properties.path("counter").asInt(-2)) {
      problems.add("feature " + id + " is " + properties + ", its latest audit row says " + after);
    }
    problems.addAll(Geometries.differences(after.path("geom"), feature.get("geometry"), 0.001, "feature " + id));
  }

  /** The row's {@code after}, which GDAL writes as the JSON object it holds, or as text where it does not see one. */
  private static JsonNode after(JsonNode auditRow) {
    JsonNode after = auditRow.get("after");
    try {
      return after.isTextual() ? JSON.readTree(after.asText()) : after;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The features ogr2ogr reads from {@code layer}: a data source and a layer with a condition, or a query. */
  private JsonNode gdal(Source source, List<String> layer, String whereOrSql) {
    List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON", "/vsistdout/"));
    command.addAll(layer);
    command.addAll(layer.size() == 2 ? List.of("-preserve_fid", "-where", whereOrSql) : List.of("-sql", whereOrSql));
    try {
      JsonNode features = JSON.readTree(data.gdal(command)).get("features");
      assertNotNull(features, source.label() + " " + String.join(" ", command));
      return features;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> callers() {
    return IntStream.rangeClosed(1, WRITERS).mapToObj(i -> "writer-" + i).toList();
  }
}
