package io.urbis.conformance.editing;

import static io.urbis.conformance.editing.Writes.BUILDINGS;
import static io.urbis.conformance.editing.Writes.GEOJSON;
import static io.urbis.conformance.editing.Writes.MERGE_PATCH;
import static io.urbis.conformance.editing.Writes.WGS84;
import static io.urbis.conformance.editing.Writes.planner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.EditedData;
import io.urbis.conformance.support.EditingExtension;
import io.urbis.conformance.support.Geometries;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.UrbisExtension;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What QGIS 3.28+ sends when it edits an OAPIF layer in EPSG:4326 (QgsOapifProvider): POST of the feature with every
 * attribute (null where unset), no id, coordinates swapped to latitude first and a bare {@code Content-Crs} URI, then
 * GET of the new feature; PATCH of the geometry alone, then of the changed attributes; DELETE. GDAL's OAPIF driver then
 * reads back what was written.
 */
@ExtendWith({UrbisExtension.class, EditingExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Part 4: an editing client's request sequence (QGIS), read back by GDAL")
class QgisEditingSequenceTest {

  private final EditedData data;
  private final Api api;

  QgisEditingSequenceTest(EditedData data) {
    this.data = data;
    this.api = data.api();
  }

  @Test
  @DisplayName("POST with Content-Crs, GET; PATCH geometry, PATCH attributes; GDAL reads it; DELETE")
  void qgisSequence(@TempDir Path directory) throws Exception {
    String square = square(EditedData.LAT + 0.01, EditedData.LON + 0.01);
    Reply posted = api.send("POST", BUILDINGS, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"MultiPolygon\","
        + "\"coordinates\":[" + square + "]},\"properties\":{\"name\":\"drawn in QGIS\",\"height\":null,"
        + "\"storeys\":null,\"owner_type\":null,\"attributes\":null,\"updated\":null}}",
        planner("Content-Type", GEOJSON, "Content-Crs", WGS84));
    assertEquals(201, posted.status(), posted::describe);
    String location = posted.header("Location").orElseThrow();
    JsonNode created = api.json(location + "?crs=" + WGS84);
    assertEquals("private", created.at("/properties/owner_type").asText(), "null took the column's default");
    assertTrue(Geometries.differences(Json.parse("{\"type\":\"MultiPolygon\",\"coordinates\":[" + square + "]}"),
        created.path("geometry"), 1e-7, "created").isEmpty(), created::toString);

    String moved = square(EditedData.LAT + 0.02, EditedData.LON + 0.02);
    assertEquals(204, api.send("PATCH", location, "{\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":["
        + moved + "]}}", planner("Content-Type", MERGE_PATCH, "Content-Crs", WGS84)).status());
    assertEquals(204, api.send("PATCH", location, "{\"properties\":{\"height\":11.5,\"storeys\":3}}",
        planner("Content-Type", MERGE_PATCH)).status());

    JsonNode read = readByGdal(directory);
    assertEquals("drawn in QGIS", read.at("/properties/name").asText());
    assertEquals(11.5, read.at("/properties/height").asDouble());
    assertEquals(3, read.at("/properties/storeys").asInt());
    JsonNode expected = Json.parse("{\"type\":\"MultiPolygon\",\"coordinates\":[" + swapped(moved) + "]}");
    List<String> differences = Geometries.differences(expected, read.path("geometry"), 1e-7, "GDAL");
    assertTrue(differences.isEmpty(), () -> String.join("\n", differences));

    assertEquals(204, api.send("DELETE", location, null, planner()).status());
    assertEquals(404, api.get(location).status());
  }

  /** A small square ring in EPSG:4326 order (latitude, longitude) from its south-west corner. */
  private static String square(double lat, double lon) {
    return "[[[%1$s,%2$s],[%1$s,%3$s],[%4$s,%3$s],[%4$s,%2$s],[%1$s,%2$s]]]".formatted(lat, lon, lon + 0.0002,
        lat + 0.0001);
  }

  /** The same rings longitude first, as CRS84 writes them. */
  private static String swapped(String square) {
    return square.replaceAll("\\[([0-9.]+),([0-9.]+)]", "[$2,$1]");
  }

  /** The feature as GDAL's OAPIF driver reads it from the server, anonymously (the public reads buildings). */
  private JsonNode readByGdal(Path directory) throws IOException, InterruptedException {
    Assumptions.assumeTrue(Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(folder -> Files.isExecutable(Path.of(folder, "ogr2ogr"))), "GDAL (ogr2ogr) is not on the PATH");
    Path copy = directory.resolve("buildings.geojson");
    Process process = new ProcessBuilder("ogr2ogr", "-f", "GeoJSON", copy.toString(), "OAPIF:" + api.base(),
        "editing.buildings", "-where", "name = 'drawn in QGIS'").redirectErrorStream(true).start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0, printed);
    JsonNode features = Json.parse(Files.readAllBytes(copy)).path("features");
    assertEquals(1, features.size(), printed);
    return features.get(0);
  }
}
