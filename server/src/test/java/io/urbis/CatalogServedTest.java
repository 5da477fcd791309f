package io.urbis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.access.AccessPolicy;
import io.urbis.api.ApiSettings;
import io.urbis.catalog.Catalog;
import io.urbis.catalog.CatalogBuilder;
import io.urbis.config.AccessConfig;
import io.urbis.config.AccessConfig.Rule;
import io.urbis.config.CatalogConfig;
import io.urbis.config.CatalogConfig.Agent;
import io.urbis.config.CatalogConfig.Keywords;
import io.urbis.config.CatalogConfig.Texts;
import io.urbis.demo.DemoCity;
import io.urbis.server.UrbisServer;
import io.urbis.source.FeatureSource;
import io.urbis.source.SourceSettings;
import io.urbis.source.postgis.PostgisFeatureSource;
import io.urbis.source.postgis.PostgisTestDatabase;
import io.urbis.testdata.DcatApDeShapes;
import io.urbis.testdata.Gdal;
import io.urbis.tiles.TileSettings;
import io.urbis.tiles3d.Tiles3dService;
import io.urbis.tiles3d.Tiles3dSettings;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /catalog} of the demo city, served from its GeoPackage and from PostGIS (the same layers loaded with GDAL),
 * with the streets hidden from the public: DCAT-AP.de 2.0 that GovData's shapes accept, the same graph in its three
 * serialisations, paged with Hydra, only what the caller may read, and {@code dct:modified} following the data.
 */
class CatalogServedTest {

  private static final String HIDDEN = "streets";
  private static final AccessConfig RULES = new AccessConfig(Map.of("*", Rule.of("read")),
      Map.of(HIDDEN, Map.of("planner", Rule.of("read"))));
  private static final String THEMES = "http://publications.europa.eu/resource/authority/data-theme/";
  /** The demo city as a municipality would describe it; two datasets a page, so its three make two pages. */
  private static final CatalogConfig HALLE = new CatalogConfig(
      new Texts("Geodaten der Demostadt", "Geodata of the demo city"),
      new Texts("Bezirke, Straßen und Gebäude einer erfundenen Stadt", "Districts, streets and buildings of a"
          + " made-up city"),
      new Keywords(List.of("Stadt", "Gebäude"), List.of("city", "buildings")), List.of(THEMES + "REGI"),
      "http://dcat-ap.de/def/licenses/dl-by-de/2.0", "Stadt Halle (Saale), Fachbereich Vermessung",
      new Agent("Stadt Halle (Saale)", "geodaten@example.org", "https://www.halle.de/"),
      new Agent("Fachbereich Vermessung", "vermessung@example.org", null),
      "http://dcat-ap.de/def/contributors/landSachsenAnhalt",
      "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/15002000",
      "http://publications.europa.eu/resource/authority/frequency/IRREG", null, "2025-01-01", 2,
      Map.of("buildings", new CatalogConfig(new Texts("Gebäude", "Buildings"), null, null,
          List.of(THEMES + "REGI", THEMES + "ENER"), null, null, null, null, null, null, null,
          "Baugesetzbuch (BauGB)", null, null, null)));
  private static final Pattern MODIFIED = Pattern.compile("/collections/(\\w+)#dataset");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path folder;
  private static Path geoPackage;
  private static PostgisTestDatabase database;
  private static List<FeatureSource> sources = new ArrayList<>();
  private static UrbisServer fromGeoPackage;
  private static UrbisServer fromPostgis;

  @BeforeAll
  static void serveTheDemoCityFromBothSources() throws Exception {
    geoPackage = DemoCity.ensure(folder.resolve("city.gpkg"));
    database = new PostgisTestDatabase("/io/urbis/source/postgis/postgis-only.sql");
    database.loadWithGdal(geoPackage);
    sources.add(Sources.open(geoPackage.toString(), SourceSettings.DEFAULTS, List.of()));
    sources.add(new PostgisFeatureSource(database.url(), SourceSettings.DEFAULTS, List.of("public")));
    fromGeoPackage = serve(sources.get(0));
    fromPostgis = serve(sources.get(1));
  }

  private static UrbisServer serve(FeatureSource source) throws Exception {
    Catalog catalog = new CatalogBuilder().add("city", source).build();
    return InProcessServer.start(new ApiSettings("City", "The demo city", 10, 100), TileSettings.DEFAULTS,
        new Tiles3dService(Tiles3dSettings.DEFAULTS), AccessPolicy.of(RULES, catalog), List.of(source), HALLE);
  }

  @AfterAll
  static void stop() throws Exception {
    for (UrbisServer server : new UrbisServer[] {fromGeoPackage, fromPostgis}) {
      if (server != null) {
        server.stop();
      }
    }
    sources.forEach(FeatureSource::close);
    if (database != null) {
      database.close();
    }
  }

  @Test
  void theCatalogOfEachSourceMeetsDcatApDe20AndItsConventions() throws Exception {
    for (String profile : List.of(DcatApDeShapes.SPECIFICATION, DcatApDeShapes.CONVENTIONS)) {
      var shapes = DcatApDeShapes.of(profile);
      assumeTrue(shapes.isPresent(), "the DCAT-AP.de shapes are not in shared/data/dcat-ap-de");
      for (UrbisServer server : List.of(fromGeoPackage, fromPostgis)) {
        Model catalog = wholeCatalog(server, InProcessServer.PLANNER_KEY);
        assertEquals(3, catalog.listSubjectsWithProperty(RDF.type, DCAT.Dataset).toList().size());
        List<ReportEntry> results = shapes.get().validate(catalog);
        List<String> violations = DcatApDeShapes.withSeverity(results, Severity.Violation).stream()
            .map(DcatApDeShapes::describe).toList();
        assertEquals(List.of(), violations, profile);
        // what is left only says that a vocabulary was not loaded: the political geocoding keys
        List<ReportEntry> warnings = DcatApDeShapes.withSeverity(results, Severity.Warning);
        warnings.forEach(w -> System.out.println(profile + " (vocabulary not loaded): " + DcatApDeShapes.describe(w)));
        assertTrue(warnings.stream().allMatch(w -> w.resultPath().toString().contains("politicalGeocodingURI")),
            warnings.stream().map(DcatApDeShapes::describe).toList().toString());
      }
    }
  }

  @Test
  void rdfXmlTurtleAndJsonLdAreTheSameGraph() throws Exception {
    for (UrbisServer server : List.of(fromGeoPackage, fromPostgis)) {
      for (String path : List.of("/catalog", "/catalog?page=2", "/catalog/buildings")) {
        String separator = path.contains("?") ? "&" : "?";
        String key = InProcessServer.PLANNER_KEY;
        Model rdfXml = model(get(server, path + separator + "f=rdf", key), Lang.RDFXML);
        Model turtle = model(get(server, path + separator + "f=ttl", key), Lang.TURTLE);
        Model jsonLd = model(get(server, path + separator + "f=jsonld", key), Lang.JSONLD);
        assertFalse(rdfXml.isEmpty(), path);
        assertTrue(rdfXml.isIsomorphicWith(turtle), path);
        assertTrue(rdfXml.isIsomorphicWith(jsonLd), path);
      }
      HttpResponse<String> accepted = send(server, "/catalog", null, "text/turtle");
      assertEquals("text/turtle", accepted.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
      assertEquals("application/rdf+xml", get(server, "/catalog", null).headers().firstValue("Content-Type")
          .orElseThrow().split(";")[0]);
    }
  }

  @Test
  void everyDatasetOffersItsDownloadsAsDistributionsThatAnswer() throws Exception {
    for (UrbisServer server : List.of(fromGeoPackage, fromPostgis)) {
      Model catalog = wholeCatalog(server, InProcessServer.PLANNER_KEY);
      Map<String, Set<String>> downloads = new TreeMap<>();
      for (var statement : catalog.listStatements(null, DCAT.downloadURL, (org.apache.jena.rdf.model.RDFNode) null)
          .toList()) {
        Resource distribution = statement.getSubject();
        String url = statement.getObject().asResource().getURI();
        String mediaTypeIri = distribution.getPropertyResourceValue(DCAT.mediaType).getURI();
        String mediaType = mediaTypeIri.substring(mediaTypeIri.indexOf(MEDIA_TYPES) + MEDIA_TYPES.length());
        downloads.computeIfAbsent(url.substring(0, url.indexOf("/items")), k -> new TreeSet<>()).add(mediaType);
        if (!url.contains("/buildings/")) {
          HttpResponse<Void> answer = HTTP.send(request(server, url.substring(url.indexOf("/collections")),
              InProcessServer.PLANNER_KEY).build(), HttpResponse.BodyHandlers.discarding());
          assertEquals(200, answer.statusCode(), url);
          assertEquals(mediaType, answer.headers().firstValue("Content-Type").orElseThrow().split(";")[0], url);
        }
      }
      assertEquals(3, downloads.size(), downloads.toString());
      downloads.values().forEach(types -> assertEquals(Set.of("text/csv", "application/geopackage+sqlite3"), types));
    }
  }

  @Test
  void manyCollectionsArePagedWithHydra() throws Exception {
    Model first = model(get(fromGeoPackage, "/catalog?f=ttl", InProcessServer.PLANNER_KEY), Lang.TURTLE);
    String base = "http://127.0.0.1:" + fromGeoPackage.port() + "/catalog";
    Resource view = first.getResource(base + "?page=1");
    assertEquals(base + "?page=2", view.getPropertyResourceValue(first.createProperty(HYDRA, "next")).getURI());
    assertEquals(3, view.getProperty(first.createProperty(HYDRA, "totalItems")).getInt());
    assertEquals(2, first.listObjectsOfProperty(DCAT.dataset).toList().size());
    assertEquals(404, get(fromGeoPackage, "/catalog?page=3", InProcessServer.PLANNER_KEY).statusCode());
    assertEquals(400, get(fromGeoPackage, "/catalog?page=0", null).statusCode());
    assertEquals(400, get(fromGeoPackage, "/catalog?f=json", null).statusCode());
  }

  @Test
  void aCollectionHiddenFromARoleIsAbsentFromThatRolesCatalog() throws Exception {
    for (UrbisServer server : List.of(fromGeoPackage, fromPostgis)) {
      assertEquals(Set.of("buildings", "districts"), datasets(wholeCatalog(server, null)));
      assertEquals(Set.of("buildings", "districts", HIDDEN), datasets(wholeCatalog(server, InProcessServer.PLANNER_KEY)));
      assertEquals(404, get(server, "/catalog/" + HIDDEN, null).statusCode());
      assertEquals(200, get(server, "/catalog/" + HIDDEN, InProcessServer.PLANNER_KEY).statusCode());
      String publicTag = get(server, "/catalog", null).headers().firstValue("ETag").orElseThrow();
      String plannerTag = get(server, "/catalog", InProcessServer.PLANNER_KEY).headers().firstValue("ETag")
          .orElseThrow();
      assertNotEquals(publicTag, plannerTag);
      HttpRequest again = request(server, "/catalog", null).header("If-None-Match", publicTag).build();
      assertEquals(304, HTTP.send(again, HttpResponse.BodyHandlers.ofString()).statusCode());
    }
  }

  @Test
  void aChangedRowChangesTheModifiedTimeOfItsDatasetAndNothingElse() throws Exception {
    for (UrbisServer server : List.of(fromGeoPackage, fromPostgis)) {
      Model before = wholeCatalog(server, InProcessServer.PLANNER_KEY);
      Thread.sleep(1_100); // times are whole seconds
      if (server == fromGeoPackage) {
        // as GDAL's and Urbis's writes do: the row, and the table's last_change
        Gdal.execute(geoPackage, "UPDATE buildings SET height_m = height_m + 1"
            + " WHERE fid = (SELECT min(fid) FROM buildings)");
        Gdal.execute(geoPackage, "UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
            + " WHERE table_name = 'buildings'");
      } else {
        try (Connection postgis = database.connect(); Statement statement = postgis.createStatement()) {
          statement.executeUpdate("UPDATE buildings SET height_m = height_m + 1"
              + " WHERE ctid = (SELECT ctid FROM buildings LIMIT 1)");
        }
      }
      Model after = before;
      for (int attempt = 0; attempt < 60 && after.isIsomorphicWith(before); attempt++) {
        Thread.sleep(500);
        after = wholeCatalog(server, InProcessServer.PLANNER_KEY);
      }
      Map<String, String> modifiedBefore = modified(before);
      Map<String, String> modifiedAfter = modified(after);
      assertNotEquals(modifiedBefore.get("buildings"), modifiedAfter.get("buildings"));
      modifiedBefore.remove("buildings");
      modifiedAfter.remove("buildings");
      assertEquals(modifiedBefore, modifiedAfter);
      // and nothing but that one time
      Model changed = before.difference(after);
      assertEquals(1, changed.size(), changed.toString());
      assertEquals(DCTerms.modified, changed.listStatements().next().getPredicate());
    }
  }

  @Test
  void theLandingPageCollectionsAndPagesLinkTheCatalog() throws Exception {
    JsonNode landing = JSON.readTree(get(fromGeoPackage, "/?f=json", null).body());
    Set<String> catalogTypes = new TreeSet<>();
    landing.path("links").forEach(l -> {
      if (l.path("rel").asText().equals("describedby") && l.path("href").asText().contains("/catalog?")) {
        catalogTypes.add(l.path("type").asText());
      }
    });
    assertEquals(Set.of("application/ld+json", "application/rdf+xml", "text/turtle"), catalogTypes);

    JsonNode buildings = JSON.readTree(get(fromGeoPackage, "/collections/buildings", null).body());
    List<String> rels = new ArrayList<>();
    buildings.path("links").forEach(l -> rels.add(l.path("rel").asText() + " " + l.path("href").asText()));
    assertTrue(rels.contains("license https://www.govdata.de/dl-de/by-2-0"), rels.toString());
    assertEquals(3, rels.stream().filter(r -> r.startsWith("describedby ")
        && r.contains("/catalog/buildings?f=")).count(), rels.toString());

    String html = get(fromGeoPackage, "/collections/buildings?f=html", null).body();
    Matcher block = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
        .matcher(html);
    assertTrue(block.find(), html);
    Model embedded = model(block.group(1).replace("\\u003c", "<"), Lang.JSONLD);
    Model described = model(get(fromGeoPackage, "/catalog/buildings?f=ttl", null), Lang.TURTLE);
    assertTrue(embedded.isIsomorphicWith(described));
  }

  private static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
  private static final String MEDIA_TYPES = "/media-types/";

  /** Every page of the catalog the caller with {@code key} (null: the public) sees, in one model. */
  private static Model wholeCatalog(UrbisServer server, String key) throws Exception {
    Model all = ModelFactory.createDefaultModel();
    String next = "/catalog?f=ttl";
    while (next != null) {
      Model page = model(get(server, next, key), Lang.TURTLE);
      all.add(page);
      Resource following = page.listObjectsOfProperty(page.createProperty(HYDRA, "next")).toList().stream()
          .map(n -> n.asResource()).findFirst().orElse(null);
      next = following == null ? null : following.getURI().substring(following.getURI().indexOf("/catalog"))
          + "&f=ttl";
    }
    // the paging differs by page; what the pages say of the catalog and its datasets is the catalog
    all.removeAll(null, all.createProperty(HYDRA, "view"), null);
    all.listSubjectsWithProperty(RDF.type, all.createResource(HYDRA + "PartialCollectionView")).toList()
        .forEach(view -> all.removeAll(view, null, null));
    return all;
  }

  private static Set<String> datasets(Model catalog) {
    return modified(catalog).keySet();
  }

  private static Map<String, String> modified(Model catalog) {
    return catalog.listStatements(null, DCTerms.modified, (org.apache.jena.rdf.model.RDFNode) null).toList()
        .stream().collect(Collectors.toMap(s -> {
          Matcher id = MODIFIED.matcher(s.getSubject().getURI());
          assertTrue(id.find(), s.getSubject().getURI());
          return id.group(1);
        }, s -> s.getObject().asLiteral().getLexicalForm(), (a, b) -> a, TreeMap::new));
  }

  private static Model model(HttpResponse<String> response, Lang lang) {
    assertEquals(200, response.statusCode(), response.body());
    return model(response.body(), lang);
  }

  private static Model model(String text, Lang lang) {
    Model model = ModelFactory.createDefaultModel();
    RDFDataMgr.read(model, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), lang);
    return model;
  }

  private static HttpResponse<String> get(UrbisServer server, String path, String key) throws Exception {
    return send(server, path, key, null);
  }

  private static HttpResponse<String> send(UrbisServer server, String path, String key, String accept)
      throws Exception {
    HttpRequest.Builder request = request(server, path, key);
    if (accept != null) {
      request.header("Accept", accept);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(UrbisServer server, String path, String key) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (key != null) {
      request.header("X-API-Key", key);
    }
    return request;
  }
}
