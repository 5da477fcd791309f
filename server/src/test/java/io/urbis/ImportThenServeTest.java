package io.urbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.api.ApiSettings;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.server.UrbisServer;
import io.urbis.source.FeatureSource;
import io.urbis.source.SourceSettings;
import io.urbis.source.postgis.DatabaseUrl;
import io.urbis.source.postgis.PostgisTestDatabase;
import io.urbis.testdata.NodeChecks;
import io.urbis.testdata.SharedData;
import io.urbis.tiles3d.Tiles3dService;
import io.urbis.tiles3d.Tiles3dSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code urbis import} writes, {@code urbis serve} publishes: a collection whose features keep their heights,
 * and 3D tiles of them.
 */
class ImportThenServeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anImportedTableIsACollectionWithThreeDimensionalFeatures(@TempDir Path folder) throws Exception {
    Path file = Files.writeString(folder.resolve("block.city.json"), """
        {"type":"CityJSON","version":"2.0","transform":{"scale":[0.01,0.01,0.01],"translate":[333000,5722000,20]},
         "metadata":{"referenceSystem":"https://www.opengis.net/def/crs/EPSG/0/25832"},
         "CityObjects":{"house-1":{"type":"Building","attributes":{"function":"31001_1000","measuredHeight":6.5},
           "geometry":[{"type":"MultiSurface","lod":"2","boundaries":[[[0,1,2,3]],[[4,5,6,7]]],
             "semantics":{"surfaces":[{"type":"GroundSurface"},{"type":"RoofSurface"}],"values":[0,1]}}]}},
         "vertices":[[0,0,0],[0,1000,0],[1000,1000,0],[1000,0,0],[0,0,650],[1000,0,650],[1000,1000,650],[0,1000,650]]}
        """);
    try (PostgisTestDatabase database = new PostgisTestDatabase("postgis-only.sql")) {
      String location = location(database.url());
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = new Urbis(new PrintStream(new ByteArrayOutputStream(), true),
          new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(new String[] {"import", file.toString(),
              "--to", location});
      assertEquals(0, status, err.toString(StandardCharsets.UTF_8));

      FeatureSource source = Sources.open(location, SourceSettings.DEFAULTS, List.of());
      CatalogBuilder catalog = new CatalogBuilder();
      catalog.add(Sources.shortName(location), source);
      UrbisServer server = InProcessServer.start(new ApiSettings("Imported", "urbis import", 10, 100),
          catalog.build(), List.of(source));
      try {
        JsonNode items = get(server, "/collections/buildings/items?f=json");
        JsonNode feature = items.path("features").get(0);
        assertEquals("house-1", feature.path("id").asText());
        assertEquals("MultiPolygon", feature.at("/geometry/type").asText());
        JsonNode corner = feature.at("/geometry/coordinates/1/0/0");
        assertEquals(3, corner.size(), corner.toString());
        assertEquals(26.5, corner.get(2).asDouble(), 1e-9, "roof height in the output CRS");
        assertEquals(6.5, feature.at("/properties/measured_height").asDouble());
        assertTrue(get(server, "/collections/buildings").toString().contains("buildings"));
      } finally {
        server.stop();
        source.close();
      }
    }
  }

  /** The issue's check: the real LoD2 city model, imported, serves 3D tiles the glTF validator and loaders.gl accept. */
  @Test
  void theWeselLod2CityModelImportedBecomesTilesEveryClientAccepts() throws Exception {
    NodeChecks.assumeNode();
    Optional<Path> wesel = SharedData.file("nrw_wesel_lod2/wesel_lod2.city.json");
    assumeTrue(wesel.isPresent(), "the shared Wesel data is absent");
    try (PostgisTestDatabase database = new PostgisTestDatabase("postgis-only.sql")) {
      String location = location(database.url());
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = new Urbis(new PrintStream(new ByteArrayOutputStream(), true),
          new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(new String[] {"import",
              wesel.get().toString(), "--to", location, "--table", "wesel"});
      assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
      try (FeatureSource source = Sources.open(location, SourceSettings.DEFAULTS, List.of())) {
        CatalogBuilder catalog = new CatalogBuilder();
        catalog.add(Sources.shortName(location), source);
        UrbisServer server = InProcessServer.start(new ApiSettings("Wesel", "LoD2", 10, 100),
            new Tiles3dService(Tiles3dSettings.DEFAULTS), catalog.build(), List.of(source));
        try {
          NodeChecks.Result result = NodeChecks.run("validate.mjs",
              "http://127.0.0.1:" + server.port() + "/collections/wesel/3dtiles");
          assertTrue(result.passed(), result.output());
          assertTrue(result.output().contains("\"features\":6631"), result.output());
        } finally {
          server.stop();
        }
      }
    }
  }

  private static String location(DatabaseUrl url) {
    return "postgresql://" + url.user() + ":" + url.password() + "@"
        + url.jdbcUrl().substring("jdbc:postgresql://".length());
  }

  private static JsonNode get(UrbisServer server, String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }
}
