package io.urbis.conformance.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.EditedParcels;
import io.urbis.conformance.support.Gdal;
import io.urbis.conformance.support.Geometries;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.Source;
import io.urbis.conformance.support.Urbis;
import io.urbis.conformance.support.UrbisExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real editing client against each source: the requests QGIS 3.28 and later send to edit an OGC API - Features
 * layer in EPSG:25832 (its OAPIF provider: OPTIONS of the items and of one item to learn what it may do; POST of a
 * feature without id and bbox, with {@code Content-Crs}, then GET of the created item in the layer's CRS; PATCH of
 * the geometry with {@code Content-Crs} and of the attributes without, as the server allows PATCH, else PUT of the
 * whole feature; DELETE), here with the {@code If-Match} of what it read. Then GDAL reads the table or the file the
 * server wrote: exactly the attributes sent, and the geometry within a millimetre; the deleted feature is gone, and
 * the GeoPackage passes GDAL's validator.
 */
@ExtendWith(UrbisExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("QGIS's editing requests to PostGIS and to a GeoPackage, then GDAL reads the table and the file")
class QgisEditingBothSourcesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CALLER = "qgis-user";
  private static final String GEOJSON = "application/geo+json";
  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final double MILLIMETRE = 0.001;

  private EditedParcels data;

  @BeforeAll
  void start(Urbis urbis) {
    data = EditedParcels.start(urbis, "qgis", List.of(CALLER));
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
  @DisplayName("POST with Content-Crs, GET, PATCH with If-Match, PUT, DELETE; GDAL reads back what was written")
  void qgisEditsAndGdalReadsBack(Source source) throws IOException {
    Assumptions.assumeTrue(Gdal.onPath("ogr2ogr"), "GDAL's ogr2ogr is not on the PATH");
    Api api = data.api(source);
    String label = source.label();
    String items = data.items(source);

    // what QGIS asks before it offers editing
    assertTrue(allowed(api, items).contains("POST"), label + " OPTIONS of the items");
    List<String> itemAllows = allowed(api, items + "/1");
    assertTrue(itemAllows.containsAll(List.of("PUT", "PATCH", "DELETE")), label + " OPTIONS of an item: " + itemAllows);

    // a feature drawn in QGIS: no id, no bbox, coordinates in the layer's CRS
    String square = polygon(357000.125, 5645100.375, 12.5);
    Reply created = send(api, "POST", items, feature(square, "Flurstück 17/3", 156.25, 2, "2024-05-01",
        "2024-05-01T10:30:00Z", true), "Content-Type", GEOJSON, "Content-Crs", EditedParcels.STORAGE_CRS);
    assertEquals(201, created.status(), () -> label + " " + created.describe());
    String location = created.header("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf("/items/") + "/items/".length());
    Reply read = inStorageCrs(api, items, id);
    assertEquals(200, read.status(), () -> label + " " + read.describe());
    assertEquals("<" + EditedParcels.STORAGE_CRS + ">", read.header("Content-Crs").orElseThrow(), label);
    assertFeature(read.json(), square, "Flurstück 17/3", 156.25, 2, "2024-05-01", "2024-05-01T10:30:00Z", true,
        label + " GET after POST");

    // moved with the vertex tool, then an attribute changed in the form: two PATCHes, each under If-Match
    String moved = polygon(357003.5, 5645101.25, 12.5);
    String tag = read.header("ETag").orElseThrow();
    Reply geometryPatched = send(api, "PATCH", items + "/" + id, "{\"geometry\":" + moved + "}",
        "Content-Type", MERGE_PATCH, "Content-Crs", EditedParcels.STORAGE_CRS, "If-Match", tag);
    assertEquals(204, geometryPatched.status(), () -> label + " " + geometryPatched.describe());
    Reply attributePatched = send(api, "PATCH", items + "/" + id, "{\"properties\":{\"storeys\":3}}",
        "Content-Type", MERGE_PATCH, "If-Match", geometryPatched.header("ETag").orElseThrow());
    assertEquals(204, attributePatched.status(), () -> label + " " + attributePatched.describe());
    Reply stale = send(api, "PATCH", items + "/" + id, "{\"properties\":{\"storeys\":9}}",
        "Content-Type", MERGE_PATCH, "If-Match", tag);
    assertEquals(412, stale.status(), () -> label + " a PATCH under the first ETag: " + stale.describe());
    assertFeature(inStorageCrs(api, items, id).json(), moved, "Flurstück 17/3", 156.25, 3, "2024-05-01",
        "2024-05-01T10:30:00Z", true, label + " GET after the PATCHes");

    // a server without PATCH gets the whole feature by PUT
    String replaced = polygon(357010.0625, 5645110.5, 7.75);
    Reply put = send(api, "PUT", items + "/" + id, feature(replaced, "Flurstück 17/4", 60.0625, 1, "2024-06-30",
        "2024-06-30T23:59:59.5Z", false), "Content-Type", GEOJSON, "Content-Crs", EditedParcels.STORAGE_CRS,
        "If-Match", attributePatched.header("ETag").orElseThrow());
    assertEquals(204, put.status(), () -> label + " " + put.describe());
    assertFeature(inStorageCrs(api, items, id).json(), replaced, "Flurstück 17/4", 60.0625, 1, "2024-06-30",
        "2024-06-30T23:59:59.5Z", false, label + " GET after PUT");

    // a second feature, created and deleted
    Reply second = send(api, "POST", items, feature(polygon(357100, 5645200, 5), "gone", 25.0, 0, "2024-01-01",
        "2024-01-01T00:00:00Z", true), "Content-Type", GEOJSON, "Content-Crs", EditedParcels.STORAGE_CRS);
    assertEquals(201, second.status(), () -> label + " " + second.describe());
    String secondPath = items + second.header("Location").orElseThrow()
        .substring(second.header("Location").orElseThrow().lastIndexOf("/"));
    assertEquals(204, send(api, "DELETE", secondPath, null).status(), label + " DELETE");
    assertEquals(404, api.get(secondPath).status(), label + " GET after DELETE");

    // GDAL reads the table or the file the server wrote
    JsonNode stored = gdalFeatures(source, "id = " + id);
    assertEquals(1, stored.size(), label + " GDAL finds the feature " + id);
    assertFeature(stored.get(0), replaced, "Flurstück 17/4", 60.0625, 1, "2024-06-30", "2024-06-30T23:59:59.5Z",
        false, label + " GDAL");
    String secondId = secondPath.substring(secondPath.lastIndexOf('/') + 1);
    assertEquals(0, gdalFeatures(source, "id = " + secondId).size(), label + " GDAL finds the deleted feature");
    if (source == Source.GEOPACKAGE) {
      assertEquals("", Gdal.validateGeoPackage(data.geoPackage()), label + " validate_gpkg.py");
    }
  }

  /** The methods OPTIONS allows on {@code target}, for the editing caller. */
  private List<String> allowed(Api api, String target) {
    Reply options = send(api, "OPTIONS", target, null);
    assertEquals(200, options.status(), options::describe);
    return List.of(options.header("Allow").orElse("").split("\\s*,\\s*"));
  }

  private Reply send(Api api, String method, String target, String body, String... headers) {
    List<String> all = new ArrayList<>(List.of("X-API-Key", data.apiKey(CALLER)));
    all.addAll(List.of(headers));
    return api.send(method, target, body, all.toArray(String[]::new));
  }

  /** The item as QGIS reads it back after a create: in the layer's CRS. */
  private Reply inStorageCrs(Api api, String items, String id) {
    return send(api, "GET", items + "/" + id + "?crs=" + Api.encode(EditedParcels.STORAGE_CRS), null,
        "Accept", GEOJSON);
  }

  /** The features GDAL reads where {@code where} holds, as GeoJSON features in the storage CRS. */
  private JsonNode gdalFeatures(Source source, String where) {
    List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", "GeoJSON", "/vsistdout/"));
    command.addAll(data.gdalLayer(source));
    command.addAll(List.of("-where", where));
    try {
      return JSON.readTree(data.gdal(command)).get("features");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertFeature(JsonNode feature, String geometry, String name, double area, int storeys,
      String surveyed, String checkedAt, boolean isPublic, String where) {
    JsonNode properties = feature.get("properties");
    assertEquals(name, properties.get("name").asText(), where);
    assertEquals(area, properties.get("area_m2").asDouble(), where);
    assertEquals(storeys, properties.get("storeys").asInt(), where);
    assertEquals(surveyed, properties.get("surveyed").asText(), where);
    assertEquals(OffsetDateTime.parse(checkedAt).toInstant(),
        OffsetDateTime.parse(properties.get("checked_at").asText().replace('/', '-').replace(' ', 'T')
            .replaceFirst("([+-]\\d\\d)$", "$1:00")).toInstant(), where);
    assertEquals(isPublic, properties.get("public").asBoolean(), where);
    List<String> differences = Geometries.differences(tree(geometry), feature.get("geometry"), MILLIMETRE, where);
    assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
  }

  private static String feature(String geometry, String name, double area, int storeys, String surveyed,
      String checkedAt, boolean isPublic) {
    // as QGIS sends them: every attribute of the layer, counter too (NOT NULL, which a PUT must give)
    Map<String, Object> properties = Map.of("name", name, "area_m2", area, "storeys", storeys, "surveyed", surveyed,
        "checked_at", checkedAt, "public", isPublic, "counter", 0);
    try {
      return "{\"type\":\"Feature\",\"geometry\":" + geometry + ",\"properties\":"
          + JSON.writeValueAsString(properties) + "}";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A square polygon of side {@code side} with its south-west corner at x, y, counter-clockwise. */
  private static String polygon(double x, double y, double side) {
    return "{\"type\":\"Polygon\",\"coordinates\":[[[" + x + "," + y + "],[" + (x + side) + "," + y + "],["
        + (x + side) + "," + (y + side) + "],[" + x + "," + (y + side) + "],[" + x + "," + y + "]]]}";
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
