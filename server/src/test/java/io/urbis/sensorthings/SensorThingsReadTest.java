package io.urbis.sensorthings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.urbis.api.UnknownParameterFilter;
import io.urbis.api.UrbisExceptionMapper;
import io.urbis.config.SensorThingsConfig;
import io.urbis.server.UrbisServer;
import io.urbis.source.postgis.PostgisTestDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read paths of {@code /v1.1} against a real PostGIS database migrated by the server itself. */
class SensorThingsReadTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static PostgisTestDatabase database;
  private static SensorThings sensorThings;
  private static UrbisServer server;
  private static String root;

  @BeforeAll
  static void start() throws Exception {
    database = new PostgisTestDatabase();
    sensorThings = SensorThings.open(new SensorThingsConfig(true, database.location(), null), List.of(), 10, 20);
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(new String(SensorThingsReadTest.class.getResourceAsStream("town-hall-meters.sql")
          .readAllBytes(), StandardCharsets.UTF_8));
    }
    ResourceConfig application = new ResourceConfig();
    application.register(JacksonFeature.class);
    application.register(UrbisExceptionMapper.class);
    application.register(UnknownParameterFilter.class);
    application.register(sensorThings.resource());
    server = new UrbisServer("127.0.0.1", 0, application);
    server.start();
    root = "http://127.0.0.1:" + server.port() + "/v1.1";
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    sensorThings.close();
    database.close();
  }

  @Test
  void serviceRootListsEveryEntitySetAndTheConformanceClasses() throws Exception {
    JsonNode document = get("");
    List<String> names = new ArrayList<>();
    document.get("value").forEach(set -> {
      names.add(set.get("name").asText());
      assertEquals(root + "/" + set.get("name").asText(), set.get("url").asText());
    });
    assertEquals(List.of("Things", "Locations", "HistoricalLocations", "Datastreams", "MultiDatastreams", "Sensors",
        "ObservedProperties", "Observations", "FeaturesOfInterest"), names);
    assertEquals(SensorThingsResource.CONFORMANCE,
        JSON.convertValue(document.at("/serverSettings/conformance"), List.class));
  }

  @Test
  void version10HasItsOwnRootWithTheSameEntities() throws Exception {
    String root10 = root.replace("/v1.1", "/v1.0");
    JsonNode document = getUrl(root10);
    assertEquals(root10 + "/Things", document.at("/value/0/url").asText());
    assertFalse(document.has("serverSettings"), "15-078r6 9.2.1 has no serverSettings");
    JsonNode thing = getUrl(root10 + "/Datastreams(1)/Thing");
    assertEquals(root10 + "/Things(1)", thing.get("@iot.selfLink").asText());
    assertEquals(get("/Things(1)").get("properties"), thing.get("properties"));
    assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(root.replace("/v1.1", "/v1.2"))).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void anEntityHasItsIdSelfLinkPropertiesAndNavigationLinks() throws Exception {
    JsonNode thing = get("/Things(1)");
    assertEquals(1, thing.get("@iot.id").asLong());
    assertEquals(root + "/Things(1)", thing.get("@iot.selfLink").asText());
    assertEquals("Town hall", thing.get("name").asText());
    assertEquals("city", thing.at("/properties/owner").asText());
    assertEquals(root + "/Things(1)/Datastreams", thing.get("Datastreams@iot.navigationLink").asText());
    assertEquals(root + "/Things(1)/HistoricalLocations",
        thing.get("HistoricalLocations@iot.navigationLink").asText());
    JsonNode observation = get("/Observations(1)");
    assertEquals("2024-01-01T00:00:00.000Z", observation.get("phenomenonTime").asText());
    assertEquals(10.0, observation.get("result").asDouble());
    assertEquals("meter replaced", get("/Observations(100)").get("result").asText());
    assertEquals("2024-01-01T00:00:00.000Z/2024-01-01T01:00:00.000Z",
        get("/Observations(100)").get("phenomenonTime").asText());
  }

  @Test
  void navigationLeadsToSetsAndSingleEntities() throws Exception {
    assertEquals(25, get("/Datastreams(1)/Observations?$count=true").get("@iot.count").asLong());
    assertEquals("Town hall", get("/Datastreams(1)/Thing").get("name").asText());
    assertEquals("Market square 1", get("/Datastreams(1)/Thing/Locations").at("/value/0/name").asText());
    assertEquals(1, get("/Things(1)/Datastreams(1)/Observations(3)/Datastream").get("@iot.id").asLong());
    assertEquals(404, status("/Things(2)/Datastreams(1)"), "Datastream 1 is not the school's");
    assertEquals(404, status("/Things(9)/Datastreams"));
    assertEquals(404, status("/Things(9)"));
    assertEquals(404, status("/Gadgets"));
    assertEquals(404, status("/Things(1)/Colour"));
  }

  @Test
  void propertiesTheirRawValuesAndReferences() throws Exception {
    assertEquals("Town hall", get("/Things(1)/name").get("name").asText());
    assertEquals("Town hall", text("/Things(1)/name/$value"));
    assertEquals(root + "/Things(1)", get("/Datastreams(1)/Thing/$ref").get("@iot.selfLink").asText());
    JsonNode references = get("/Things/$ref");
    assertEquals(root + "/Things(2)", references.at("/value/1/@iot.selfLink").asText());
    assertEquals(1, references.at("/value/0").size(), "a reference holds only the selfLink");
  }

  @Test
  void pagesFollowTopSkipAndTheServerLimit() throws Exception {
    JsonNode first = get("/Datastreams(1)/Observations?$top=10&$count=true");
    assertEquals(25, first.get("@iot.count").asLong());
    assertEquals(10, first.get("value").size());
    JsonNode last = getUrl(getUrl(first.get("@iot.nextLink").asText()).get("@iot.nextLink").asText());
    assertEquals(5, last.get("value").size());
    assertFalse(last.has("@iot.nextLink"));
    assertEquals(25, last.at("/value/4/@iot.id").asLong());
    assertEquals(20, get("/Observations?$top=1000").get("value").size(), "the server's limit of 20 wins");
    assertEquals(10, get("/Observations").get("value").size(), "the default page");
    JsonNode countOnly = get("/Observations?$top=0&$count=true");
    assertEquals(26, countOnly.get("@iot.count").asLong());
    assertEquals(0, countOnly.get("value").size());
    assertFalse(countOnly.has("@iot.nextLink"));
  }

  @Test
  void selectAndOrderBy() throws Exception {
    JsonNode page = get("/Datastreams(1)/Observations?$select=result,phenomenonTime&$orderby=result%20desc&$top=2");
    JsonNode first = page.at("/value/0");
    assertEquals(34.0, first.get("result").asDouble());
    assertEquals(List.of("phenomenonTime", "result"), fieldNames(first));
    assertEquals(33.0, page.at("/value/1/result").asDouble());
    assertEquals(List.of(2L, 1L), ids("/Datastreams?$orderby=" + encode("Thing/name, id desc")),
        "School before Town hall");
    assertEquals(List.of(1L, 2L), ids("/Things?$orderby=" + encode("properties/owner")));
    assertEquals(400, status("/Locations?$orderby=location"));
    assertEquals(400, status("/Things?$orderby=" + encode("length(name)")));
  }

  @Test
  void filterComparesLogicAndArithmetic() throws Exception {
    assertEquals(List.of(22L, 23L), ids("/Datastreams(1)/Observations?$filter="
        + encode("result gt 30 and (result mul 2 le 64) or id eq 99")));
    assertEquals(List.of(2L, 3L), ids("/Observations?$filter=" + encode(
        "phenomenonTime ge 2024-01-01T01:00:00Z and phenomenonTime lt 2024-01-01T02:00:01Z and id lt 100")));
    assertEquals(List.of(1L), ids("/Things?$filter=" + encode("properties/owner eq 'city'")));
    assertEquals(List.of(100L), ids("/Observations?$filter=" + encode("result eq 'meter replaced'")));
  }

  @Test
  void filterFunctions() throws Exception {
    assertEquals(List.of(2L), ids("/Things?$filter=" + encode("substringof('school', tolower(name))")));
    assertEquals(List.of(1L, 2L), ids("/Datastreams?$filter=" + encode("endswith(name, ' heat')")));
    assertEquals(List.of(24L, 25L), ids("/Datastreams(1)/Observations?$filter="
        + encode("hour(phenomenonTime) eq 23 or day(phenomenonTime) eq 2")));
    assertEquals(List.of(1L), ids("/Things?$filter=" + encode("length(properties/owner) eq 4")));
    assertEquals(List.of(1L), ids("/Locations?$filter=" + encode(
        "geo.intersects(location, geography'POLYGON ((6 51, 7 51, 7 52, 6 52, 6 51))')")));
    assertEquals(List.of(), ids("/FeaturesOfInterest?$filter=" + encode(
        "st_within(feature, geography'POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))')")));
    assertEquals(List.of(1L), ids("/FeaturesOfInterest?$filter=" + encode(
        "st_within(feature, geography'POLYGON ((6 51, 7 51, 7 52, 6 52, 6 51))')")));
  }

  @Test
  void filterFollowsNavigationToOneEntity() throws Exception {
    assertEquals(List.of(100L), ids("/Observations?$filter=" + encode("Datastream/Thing/name eq 'School'")));
    assertEquals(List.of(100L), ids("/Observations?$filter=" + encode("Datastream/id eq 2")));
    assertEquals(List.of(1L), ids("/Datastreams?$filter=" + encode("Thing/properties/floors ge 4")));
    assertEquals(List.of(100L), ids("/Observations?$filter=" + encode(
        "Datastream/phenomenonTime eq null and FeatureOfInterest/name eq 'Town hall'")));
    HttpResponse<String> toMany = send("/Things?$filter=" + encode("Datastreams/name eq 'x'"));
    assertEquals(400, toMany.statusCode());
    assertTrue(toMany.body().contains("Datastreams is an entity set"), toMany.body());
  }

  @Test
  void badOptionsAreBadRequestsThatSayWhere() throws Exception {
    HttpResponse<String> unbalanced = send("/Things?$filter=" + encode("(name eq 'x'"));
    assertEquals(400, unbalanced.statusCode());
    assertTrue(unbalanced.body().contains("at position 13: expected ')' but the filter ends"), unbalanced.body());
    HttpResponse<String> mismatch = send("/Things?$filter=" + encode("name gt 3"));
    assertEquals(400, mismatch.statusCode());
    assertTrue(mismatch.body().contains("at position 1: a string cannot be compared with a number"));
    assertEquals(400, status("/Things?$filter=" + encode("colour eq 'red'")));
    assertEquals(400, status("/Things?$top=-1"));
    assertEquals(400, status("/Things?$count=maybe"));
    assertEquals(400, status("/Things?$select=colour"));
    assertEquals(400, status("/Things?$orderby=" + encode("name sideways")));
    assertEquals(400, status("/Things?$frobnicate=1"));
    assertEquals(501, status("/Things?$expand=Datastreams"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<Long> ids(String path) throws Exception {
    List<Long> ids = new ArrayList<>();
    get(path).get("value").forEach(entity -> ids.add(entity.get("@iot.id").asLong()));
    return ids;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static JsonNode get(String path) throws Exception {
    return getUrl(root + path);
  }

  private static JsonNode getUrl(String url) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), url + ": " + response.body());
    return JSON.readTree(response.body());
  }

  private static String text(String path) throws Exception {
    return send(path).body();
  }

  private static int status(String path) throws Exception {
    return send(path).statusCode();
  }

  private static HttpResponse<String> send(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(root + path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
