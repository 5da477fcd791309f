package io.urbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.api.ApiSettings;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.cql2.Cql2TestDatabase;
import io.urbis.cql2.json.Cql2JsonWriter;
import io.urbis.cql2.text.Cql2TextParser;
import io.urbis.server.UrbisServer;
import io.urbis.source.FeatureSource;
import io.urbis.source.SourceSettings;
import io.urbis.testdata.Gdal;
import io.urbis.testdata.AtsQueries;
import io.urbis.testdata.AtsQueries.Query;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The counted queries of the CQL2 abstract test suite (OGC 21-065 Annex A) sent to the server over HTTP, on its
 * Natural Earth GeoPackage served as a file and, loaded with ogr2ogr, through PostGIS: each gives the expected count
 * on both, and its CQL2-JSON form selects the same features as its text form. The rows that leave the geometry
 * property open take the one the collection's queryables name.
 */
class Cql2AtsThroughApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** Above the largest layer (177 countries), so that one page holds every match. */
  private static final int LIMIT = 1000;

  @TempDir static Path folder;
  private static final List<FeatureSource> SOURCES = new ArrayList<>();
  private static Cql2TestDatabase database;
  private static UrbisServer server;

  static List<Query> queries() throws Exception {
    return AtsQueries.all();
  }

  @BeforeAll
  static void serveTheAtsDataFromBothSources() throws Exception {
    assumeTrue(AtsQueries.FOLDER.isPresent(), "shared CQL2 ATS data not found beside the repository");
    assumeTrue(Gdal.has("ogr2ogr"), "ogr2ogr is not on the PATH");
    // a copy: the shared folder may be read-only, and SQLite wants to write beside a database it opens
    Path geoPackage = Files.copy(AtsQueries.FOLDER.get().resolve("data/ne110m4cql2.gpkg"),
        folder.resolve("ne110m4cql2.gpkg"));
    database = new Cql2TestDatabase();
    database.loadWithGdal(geoPackage);
    CatalogBuilder catalog = new CatalogBuilder();
    for (String location : List.of(geoPackage.toString(), database.url())) {
      FeatureSource source = Sources.open(location, SourceSettings.DEFAULTS, List.of());
      SOURCES.add(source);
      catalog.add(location.startsWith("postgresql:") ? "postgis" : "gpkg", source);
    }
    ApiSettings api = new ApiSettings("CQL2 ATS", "Natural Earth test data", 10, LIMIT);
    server = InProcessServer.start(api, catalog.build(), SOURCES);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
    SOURCES.forEach(FeatureSource::close);
    if (database != null) {
      database.close();
    }
  }

  @ParameterizedTest
  @MethodSource("queries")
  void theGeoPackageGivesTheExpectedCountInBothEncodings(Query query) throws Exception {
    // the GeoPackage came first, so its collections keep the layer names
    assertCountInBothEncodings(query.collection(), query);
  }

  @ParameterizedTest
  @MethodSource("queries")
  void postgisGivesTheExpectedCountInBothEncodings(Query query) throws Exception {
    assertCountInBothEncodings("postgis_" + query.collection(), query);
  }

  private static void assertCountInBothEncodings(String collection, Query query) throws Exception {
    String filter = query.filter().replace(AtsQueries.GEOMETRY_PLACEHOLDER, geometryQueryable(collection));
    TreeSet<String> fromText = ids(collection, "cql2-text", filter);
    assertEquals(query.expected(), fromText.size(), "features matching the text form");
    String json = Cql2JsonWriter.write(Cql2TextParser.parse(filter));
    assertEquals(fromText, ids(collection, "cql2-json", json), "features matching " + json);
  }

  /** The template rows take the collection's geometry queryable: the one its /queryables gives a geometry format. */
  private static String geometryQueryable(String collection) throws Exception {
    JsonNode properties = JSON.readTree(get("/collections/" + collection + "/queryables").body()).path("properties");
    return properties.propertyStream()
        .filter(property -> property.getValue().path("format").asText().startsWith("geometry"))
        .map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
  }

  private static HttpResponse<String> get(String target) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + target)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static TreeSet<String> ids(String collection, String language, String filter) throws Exception {
    String target = "/collections/" + collection + "/items?skipGeometry=true&limit=" + LIMIT + "&filter-lang="
        + language + "&filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
    HttpResponse<String> response = get(target);
    assertEquals(200, response.statusCode(), () -> target + " -> " + response.body());
    JsonNode page = JSON.readTree(response.body());
    assertEquals(0, page.path("links").findValuesAsText("rel").stream().filter("next"::equals).count(),
        "all matches fit one page");
    TreeSet<String> ids = new TreeSet<>();
    page.path("features").forEach(feature -> ids.add(feature.path("id").asText()));
    return ids;
  }
}
