package io.urbis.conformance.downloads;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Csv;
import io.urbis.conformance.support.Gdal;
import io.urbis.conformance.support.Geometries;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.Links;
import io.urbis.conformance.support.MediaTypes;
import io.urbis.conformance.support.OgcExceptions;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.UrbisTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads of items: {@code f=gpkg} read by GDAL and {@code f=csv} parsed back, each holding the request's whole
 * selection (the numberMatched of its GeoJSON), not one page.
 */
@UrbisTest
@DisplayName("Downloads (f=csv, f=gpkg)")
class DownloadsTest {

  private static final Pattern FEATURE_COUNT = Pattern.compile("(?m)^Feature Count: (\\d+)");
  /** Buildings with more than five floors in the western half of the town, in the buildings' own CRS. */
  private static final String SELECTION = "filter=floors%20%3E%205&bbox=356000,5645000,357200,5647000"
      + "&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/25832";
  private static final String GEOPACKAGE = "application/geopackage+sqlite3";

  private final Api api;
  private final Truth truth;

  DownloadsTest(Api api, Truth truth) {
    this.api = api;
    this.truth = truth;
  }

  @Test
  @DisplayName("GDAL counts in the f=gpkg file of a filter and a bbox the features numberMatched tells")
  void geoPackageHoldsTheSelection(@TempDir Path directory) throws IOException {
    long matched = numberMatched("buildings", SELECTION);
    assertTrue(matched > 10, "the selection spans more than one default page: " + matched);
    Path file = download("buildings", SELECTION + "&f=gpkg", GEOPACKAGE, directory.resolve("buildings.gpkg"));
    assertEquals(matched, featureCount(file, "buildings"), "features of the GeoPackage");
    assertEquals("", Gdal.validateGeoPackage(file), "validate_gpkg.py");
  }

  @Test
  @DisplayName("f=gpkg without limit holds every feature; with limit, at most that many")
  void geoPackageOfEveryLayer(@TempDir Path directory) {
    assumeGdal();
    assertAll(
        () -> assertEquals(truth.count(Layer.BUILDINGS),
            featureCount(download("buildings", "f=gpkg", GEOPACKAGE, directory.resolve("all.gpkg")), "buildings")),
        () -> assertEquals(7L,
            featureCount(download("buildings", "f=gpkg&limit=7", GEOPACKAGE, directory.resolve("7.gpkg")),
                "buildings")),
        () -> assertEquals(truth.count(Layer.POI),
            featureCount(download("poi", "f=gpkg", GEOPACKAGE, directory.resolve("poi.gpkg")), "poi"), "text keys"),
        () -> assertEquals(truth.count(Layer.POI3D),
            featureCount(download("poi3d", "f=gpkg", GEOPACKAGE, directory.resolve("poi3d.gpkg")), "poi3d"), "3D"));
  }

  @Test
  @DisplayName("f=csv has one record per feature, the visible properties as header, and the GeoJSON's geometry as WKT")
  void csvParsesBack(@TempDir Path directory) throws IOException {
    String query = SELECTION + "&crs=http://www.opengis.net/def/crs/EPSG/0/25832";
    Reply reply = api.get("/collections/buildings/items?" + query + "&f=csv");
    assertEquals(200, reply.status(), reply::describe);
    assertEquals("text/csv", reply.mediaType());
    assertTrue(reply.header("Content-Disposition").orElse("").contains("filename=\"buildings.csv\""),
        "Content-Disposition: " + reply.header("Content-Disposition"));
    List<List<String>> records = Csv.parse(reply.text());
    JsonNode features = api.json("/collections/buildings/items?" + query + "&limit=10000").path("features");
    assertEquals(List.of("id", "name", "floors", "height", "residential", "construction_date", "last_survey",
        "geometry"), records.get(0), "header");
    assertEquals(features.size() + 1, records.size(), "a header and one record per feature");
    Path csv = Files.write(directory.resolve("buildings.csv"), reply.body());
    if (Gdal.onPath("ogr2ogr")) {
      Path geoJson = directory.resolve("buildings.geojson");
      Gdal.run("ogr2ogr", "-f", "GeoJSON", geoJson.toString(), csv.toString(), "-oo", "GEOM_POSSIBLE_NAMES=geometry",
          "-oo", "KEEP_GEOM_COLUMNS=NO");
      JsonNode read = Json.parse(Files.readAllBytes(geoJson)).path("features");
      assertEquals(features.size(), read.size(), "features GDAL read from the CSV");
      List<String> differences = new ArrayList<>();
      for (int i = 0; i < features.size(); i++) {
        differences.addAll(Geometries.differences(features.get(i).path("geometry"), read.get(i).path("geometry"),
            1e-3, "feature " + features.get(i).path("id")));
      }
      assertEquals(List.of(), differences);
    }
  }

  @Test
  @DisplayName("Pages of items (GeoJSON, HTML) link the downloads of their whole selection, which answer")
  void pagesLinkTheDownloads() {
    String page = "/collections/buildings/items?" + SELECTION + "&limit=5&offset=5";
    JsonNode geoJson = api.json(page);
    String html = api.get(page + "&f=html", "Accept", MediaTypes.HTML).text();
    List<Executable> checks = new ArrayList<>();
    for (String mediaType : List.of("text/csv", GEOPACKAGE)) {
      String href = Links.href(geoJson, "enclosure", mediaType).orElseThrow(() -> new AssertionError(
          "no enclosure link of type " + mediaType + " in " + geoJson.path("links")));
      checks.add(() -> assertTrue(!href.contains("limit=") && !href.contains("offset=") && href.contains("filter="),
          "the download keeps the selection and leaves the paging out: " + href));
      checks.add(() -> assertTrue(html.contains("rel=\"enclosure\" download href=\"" + href.replace("&", "&amp;")),
          "the HTML page links " + href));
      checks.add(() -> assertEquals(mediaType, api.get(href).mediaType(), href));
    }
    assertAll(checks);
  }

  @Test
  @DisplayName("The OpenAPI document offers f=csv and f=gpkg on each collection's items, with their media types")
  void openApiDeclaresTheDownloads() {
    JsonNode api30 = api.json("/api?f=json");
    JsonNode get = api30.path("paths").path("/collections/buildings/items").path("get");
    List<String> formats = new ArrayList<>();
    for (JsonNode parameter : get.path("parameters")) {
      JsonNode resolved = parameter.has("$ref") ? api30.at(parameter.path("$ref").asText().substring(1)) : parameter;
      if ("f".equals(resolved.path("name").asText())) {
        resolved.path("schema").path("enum").forEach(value -> formats.add(value.asText()));
      }
    }
    JsonNode ok = get.path("responses").path("200");
    JsonNode content = (ok.has("$ref") ? api30.at(ok.path("$ref").asText().substring(1)) : ok).path("content");
    assertAll(
        () -> assertTrue(formats.containsAll(List.of("csv", "gpkg")), "f of the items: " + formats),
        () -> assertTrue(content.has("text/csv") && content.has(GEOPACKAGE), "media types of the items: "
            + content.fieldNames()));
  }

  @Test
  @DisplayName("Accept selects a download as f does, and one feature is offered as no download")
  void acceptSelectsTheDownload() {
    Reply csv = api.get("/collections/buildings/items?limit=3", "Accept", "text/csv");
    Reply geoPackage = api.get("/collections/buildings/items?limit=3", "Accept", GEOPACKAGE);
    assertAll(
        () -> assertEquals("text/csv", csv.mediaType(), csv::describe),
        () -> assertEquals(4, Csv.parse(csv.text()).size(), "a header and three records"),
        () -> assertEquals(GEOPACKAGE, geoPackage.mediaType(), geoPackage::describe),
        () -> assertTrue(geoPackage.header("Content-Disposition").orElse("").contains("filename=\"buildings.gpkg\""),
            "Content-Disposition: " + geoPackage.header("Content-Disposition")),
        () -> OgcExceptions.assertException(api.get("/collections/buildings/items/1?f=csv"), 400));
  }

  @Test
  @DisplayName("Bad input to a download gets an OGC exception, not a file")
  void badInputIsAnException() {
    assertAll(
        () -> OgcExceptions.assertException(api.get("/collections/buildings/items?f=csv&bbox=1,2,3"), 400),
        () -> OgcExceptions.assertException(api.get("/collections/buildings/items?f=gpkg&filter=nope%20%3D%201"), 400),
        () -> OgcExceptions.assertException(api.get("/collections/buildings/items?f=gpkg&limit=0"), 400),
        () -> OgcExceptions.assertException(api.get("/collections/nothing/items?f=csv"), 404));
  }

  private long numberMatched(String collection, String query) {
    return api.json("/collections/" + collection + "/items?" + query + "&limit=1").path("numberMatched").asLong();
  }

  private Path download(String collection, String query, String mediaType, Path file) throws IOException {
    Reply reply = api.get("/collections/" + collection + "/items?" + query);
    assertEquals(200, reply.status(), reply::describe);
    assertEquals(mediaType, reply.mediaType());
    return Files.write(file, reply.body());
  }

  private static long featureCount(Path file, String layer) {
    assumeGdal();
    String output = Gdal.run("ogrinfo", "-ro", "-so", file.toString(), layer);
    Matcher matcher = FEATURE_COUNT.matcher(output);
    assertTrue(matcher.find(), output);
    return Long.parseLong(matcher.group(1));
  }

  private static void assumeGdal() {
    Assumptions.assumeTrue(Gdal.onPath("ogrinfo") && Gdal.onPath("ogr2ogr"), "GDAL is not on the PATH");
  }
}
