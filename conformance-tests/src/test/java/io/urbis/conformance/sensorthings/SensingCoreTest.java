package io.urbis.conformance.sensorthings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.Reply;
import io.urbis.conformance.support.SensorThingsData;
import io.urbis.conformance.support.SensorThingsExtension;
import io.urbis.conformance.support.UrbisExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SensorThings API 1.1 (OGC 18-088) Annex A: the sensing core's read paths and the query options of the filtering
 * extension that the server implements so far, against a server that migrated its own schema at start; every count is
 * compared with PostgreSQL.
 */
@ExtendWith({UrbisExtension.class, SensorThingsExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("SensorThings 1.1: sensing core")
class SensingCoreTest {

  /** Each entity set and the navigation properties 18-088 gives its entities (Figure 2, clause 14). */
  private static final Map<String, List<String>> NAVIGATION = Map.of(
      "Things", List.of("Locations", "HistoricalLocations", "Datastreams", "MultiDatastreams"),
      "Locations", List.of("Things", "HistoricalLocations"),
      "HistoricalLocations", List.of("Thing", "Locations"),
      "Datastreams", List.of("Thing", "Sensor", "ObservedProperty", "Observations"),
      "MultiDatastreams", List.of("Thing", "Sensor", "ObservedProperties", "Observations"),
      "Sensors", List.of("Datastreams", "MultiDatastreams"),
      "ObservedProperties", List.of("Datastreams", "MultiDatastreams"),
      "Observations", List.of("Datastream", "MultiDatastream", "FeatureOfInterest"),
      "FeaturesOfInterest", List.of("Observations"));

  /** The properties of each entity set's entities (18-088 Tables 4 to 19 and 29). */
  private static final Map<String, List<String>> PROPERTIES = Map.of(
      "Things", List.of("name", "description", "properties"),
      "Locations", List.of("name", "description", "encodingType", "location", "properties"),
      "HistoricalLocations", List.of("time"),
      "Datastreams", List.of("name", "description", "unitOfMeasurement", "observationType", "observedArea",
          "phenomenonTime", "resultTime", "properties"),
      "MultiDatastreams", List.of("name", "description", "unitOfMeasurements", "observationType",
          "multiObservationDataTypes", "observedArea", "phenomenonTime", "resultTime", "properties"),
      "Sensors", List.of("name", "description", "encodingType", "metadata", "properties"),
      "ObservedProperties", List.of("name", "definition", "description", "properties"),
      "Observations", List.of("phenomenonTime", "resultTime", "result", "resultQuality", "validTime", "parameters"),
      "FeaturesOfInterest", List.of("name", "description", "encodingType", "feature", "properties"));

  private final SensorThingsData data;
  private final Api api;

  SensingCoreTest(SensorThingsData data) {
    this.data = data;
    this.api = data.api();
  }

  @Test
  @DisplayName("service root (18-088 9.2.1): every entity set with its URL, and the conformance list")
  void serviceRoot() {
    JsonNode root = api.json("v1.1");
    List<String> names = new ArrayList<>();
    root.get("value").forEach(set -> {
      names.add(set.get("name").asText());
      assertEquals(api.uri("v1.1/" + set.get("name").asText()).toString(), set.get("url").asText());
    });
    assertEquals(NAVIGATION.keySet().stream().sorted().toList(), names.stream().sorted().toList());
    assertTrue(root.at("/serverSettings/conformance").toString()
        .contains("http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel"));
  }

  @Test
  @DisplayName("/conf/entity-control-information/common-control-information: @iot.id, @iot.selfLink and a"
      + " navigationLink for each navigation property, in every entity set")
  void commonControlInformation() {
    NAVIGATION.forEach((set, navigations) -> {
      JsonNode entity = api.json("v1.1/" + set).at("/value/0");
      long id = entity.get("@iot.id").asLong();
      String self = entity.get("@iot.selfLink").asText();
      assertEquals(api.uri("v1.1/" + set + "(" + id + ")").toString(), self, set);
      for (String navigation : navigations) {
        assertEquals(self + "/" + navigation, entity.get(navigation + "@iot.navigationLink").asText(), set);
      }
      assertEquals(entity, api.json(self), set + ": the selfLink leads to the entity");
    });
  }

  @Test
  @DisplayName("/conf/datamodel: every entity has the properties of its type and nothing else but control information")
  void datamodel() {
    PROPERTIES.forEach((set, properties) -> {
      JsonNode entity = api.json("v1.1/" + set).at("/value/0");
      List<String> names = new ArrayList<>();
      entity.fieldNames().forEachRemaining(name -> {
        if (!name.startsWith("@iot.") && !name.endsWith("@iot.navigationLink")) {
          names.add(name);
        }
      });
      assertEquals(properties.stream().sorted().toList(), names.stream().sorted().toList(), set);
    });
    assertEquals("http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_ComplexObservation",
        api.json("v1.1/MultiDatastreams").at("/value/0/observationType").asText());
    assertEquals("kWh", api.json("v1.1/Datastreams").at("/value/0/unitOfMeasurement/symbol").asText());
    assertEquals("Point", api.json("v1.1/Locations").at("/value/0/location/type").asText());
  }

  @Test
  @DisplayName("/conf/resource-path/resource-path-to-entities: sets, entities, navigation, properties, $value, $ref")
  void resourcePathToEntities() {
    long thing = data.database().number("SELECT id FROM sta.thing");
    long datastream = data.database().number("SELECT id FROM sta.datastream");
    assertEquals(api.json("v1.1/Things(" + thing + ")"), api.json("v1.1/Datastreams(" + datastream + ")/Thing"));
    assertEquals("Town hall", api.json("v1.1/Things(" + thing + ")/name").get("name").asText());
    Reply raw = api.get("v1.1/Things(" + thing + ")/name/$value");
    assertEquals(200, raw.status());
    assertEquals("Town hall", raw.text());
    assertEquals(api.uri("v1.1/Things(" + thing + ")").toString(),
        api.json("v1.1/Datastreams(" + datastream + ")/Thing/$ref").get("@iot.selfLink").asText());
    assertEquals(404, api.get("v1.1/Things(" + (thing + 1000) + ")").status());
    assertEquals(404, api.get("v1.1/Things(" + thing + ")/Sensors").status(), "a Thing has no Sensors");
    List<Long> ids = allIds("v1.1/Things(" + thing + ")/Datastreams(" + datastream + ")/Observations");
    assertEquals(data.database().column("SELECT id FROM sta.observation ORDER BY id").stream().map(Long::valueOf)
        .toList(), ids);
  }

  @Test
  @DisplayName("/conf/request-data/top, skip, count: the server's page limit of 5, nextLinks to the end, exact counts")
  void topSkipCount() {
    JsonNode page = api.json("v1.1/Observations?$top=3&$skip=2&$count=true");
    assertEquals(SensorThingsData.OBSERVATIONS, page.get("@iot.count").asLong());
    assertEquals(3, page.get("value").size());
    assertEquals(data.database().number("SELECT id FROM sta.observation ORDER BY id OFFSET 2 LIMIT 1"),
        page.at("/value/0/@iot.id").asLong());
    assertEquals(5, api.json("v1.1/Observations?$top=50").get("value").size(), "$top above the limit gives 5");
    assertFalse(api.json("v1.1/Observations?$skip=10").has("@iot.nextLink"));
  }

  @Test
  @DisplayName("/conf/request-data/select, order: only the selected properties, in the requested order")
  void selectAndOrder() {
    JsonNode page = api.json("v1.1/Observations?$select=result&$orderby=" + Api.encode("result desc"));
    JsonNode first = page.at("/value/0");
    assertEquals(1, first.size(), first.toString());
    assertEquals(SensorThingsData.OBSERVATIONS, first.get("result").asInt());
  }

  @Test
  @DisplayName("/conf/request-data/filter, built-in-filter-operations: comparison, logical and arithmetic operators")
  void filter() {
    String filter = "result mod 2 eq 0 and (phenomenonTime ge 2024-01-01T03:00:00Z or result eq 1)";
    JsonNode page = api.json("v1.1/Observations?$count=true&$filter=" + Api.encode(filter));
    assertEquals(data.database().number("SELECT count(*) FROM sta.observation WHERE result_number::int % 2 = 0"
        + " AND (phenomenon_time_start >= '2024-01-01T03:00:00Z' OR result_number = 1)"),
        page.get("@iot.count").asLong());
    Reply bad = api.get("v1.1/Observations?$filter=" + Api.encode("(result gt 1"));
    assertEquals(400, bad.status());
    assertTrue(bad.text().contains("at position 13"), bad.text());
  }

  private List<Long> allIds(String target) {
    List<Long> ids = new ArrayList<>();
    for (JsonNode page = api.json(target); ; page = api.json(page.get("@iot.nextLink").asText())) {
      page.get("value").forEach(entity -> ids.add(entity.get("@iot.id").asLong()));
      if (!page.has("@iot.nextLink")) {
        return ids;
      }
    }
  }
}
