package io.urbis.conformance.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.ChangingData;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Source;
import io.urbis.conformance.support.Urbis;
import io.urbis.conformance.support.UrbisExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * numberMatched and extents while the data changes under running servers (one per source, on data of their own,
 * {@link ChangingData}): numberMatched equals PostGIS' count(*) with and without filters, is left out for a filter
 * expected to match more than the configured limit unless it holds the whole extent, and counts a feature added a
 * moment ago; a bbox finds a feature added far outside the extent the server saw at start-up, and the collection's
 * extent comes to contain it, without a restart.
 */
@ExtendWith(UrbisExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("numberMatched and extents follow the data")
class ChangingDataTest {

  /** How long an extent may take to follow: the data version is asked once a second, PostgreSQL's counters lag. */
  private static final Duration FOLLOWING = Duration.ofSeconds(20);

  private ChangingData data;

  @BeforeAll
  void start(Urbis urbis) {
    data = ChangingData.start(urbis);
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

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  @DisplayName("without filters numberMatched is count(*), above the limit for filtered requests too")
  void withoutFilters(Source source) {
    assertTrue(data.count("true") > ChangingData.FILTERED_COUNT_LIMIT);
    assertEquals(data.count("true"), numberMatched(source, ""), source.label() + " numberMatched");
    assertEquals(data.count("true"), numberMatched(source, "?limit=3&sortby=-name"), source.label()
        + " numberMatched of a sorted page");
  }

  @Order(2)
  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  @DisplayName("a filtered request states numberMatched = count(*) when few match, and leaves it out when many do")
  void filtered(Source source) {
    long rare = data.count("kind = 'rare'");
    assertTrue(rare > 0 && rare <= ChangingData.FILTERED_COUNT_LIMIT);
    assertEquals(rare, numberMatched(source, "?kind=rare"), source.label() + " numberMatched of kind=rare");
    assertTrue(data.count("kind = 'common'") > ChangingData.FILTERED_COUNT_LIMIT);
    JsonNode common = api(source).json(data.collection(source) + "/items?kind=common");
    assertFalse(common.has("numberMatched"), source.label() + " kind=common states numberMatched "
        + common.path("numberMatched") + ", though more than " + ChangingData.FILTERED_COUNT_LIMIT + " match");
  }

  @Order(3)
  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  @DisplayName("a bbox of the whole extent (as the OGC suite and QGIS ask) states numberMatched = count(*), however many")
  void aBboxOfTheWholeExtent(Source source) {
    long all = data.count("true");
    assertTrue(all > ChangingData.FILTERED_COUNT_LIMIT);
    JsonNode extent = extent(source);
    // as the OGC API - Features suite writes the extent the collection shows into its bbox: in 7 decimals
    String whole = String.format(Locale.ROOT, "bbox=%.7f,%.7f,%.7f,%.7f", extent.get(0).asDouble(),
        extent.get(1).asDouble(), extent.get(2).asDouble(), extent.get(3).asDouble());
    JsonNode page = api(source).json(data.collection(source) + "/items?limit=1000&" + whole);
    assertEquals(all, page.path("numberMatched").asLong(-1), source.label() + " numberMatched of " + whole);
    assertEquals(all, page.get("features").size(), source.label() + " features of " + whole);
    // the planner expects as many matches as there are rows here (in the thin box above, it may expect few)
    assertEquals(all, numberMatched(source, "?bbox=-180,-90,180,90"), source.label() + " the world");
    String westmostLeftOut = String.format(Locale.ROOT, "bbox=%.7f,%.7f,%.7f,%.7f",
        extent.get(0).asDouble() + 2e-7, extent.get(1).asDouble(), extent.get(2).asDouble(), extent.get(3).asDouble());
    JsonNode leftOut = api(source).json(data.collection(source) + "/items?limit=1000&" + westmostLeftOut);
    assertEquals(all - 1, leftOut.get("features").size(), source.label() + " features of " + westmostLeftOut);
    // left out or exact (the planner may expect few matches in so thin a box), never the count of the whole extent
    assertEquals(all - 1, leftOut.path("numberMatched").asLong(all - 1), source.label() + " numberMatched of "
        + westmostLeftOut);
    String inStorageCrs = "bbox-crs=" + Api.encode("http://www.opengis.net/def/crs/EPSG/0/25832")
        + "&bbox=356019,5644999,356801,5645001";
    assertEquals(all, numberMatched(source, "?" + inStorageCrs), source.label() + " " + inStorageCrs);
  }

  @Order(4)
  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  @DisplayName("a place added far outside the start-up extent is counted and found by bbox at once, and in the extent")
  void aPlaceAddedFarAway(Source source) throws InterruptedException {
    // far from the places near 6.96°E 50.94°N, and from where the run on the other source adds one (to both)
    double lon = 20 + 5 * source.ordinal();
    double lat = 60 + source.ordinal();
    String aroundFar = "bbox=" + (lon - 0.1) + "," + (lat - 0.1) + "," + (lon + 0.1) + "," + (lat + 0.1);
    assertEquals(0, numberMatched(source, "?" + aroundFar), source.label() + " a place is there already");
    assertFalse(covers(extent(source), lon, lat), source.label() + " the extent holds the far place already");
    long before = numberMatched(source, "");
    data.addPlace("far " + source, lon, lat);
    Api api = api(source);
    assertEquals(before + 1, numberMatched(source, ""), source.label() + " numberMatched after the insert");
    assertEquals(data.count("true"), numberMatched(source, ""), source.label() + " count(*) after the insert");
    JsonNode found = api.json(data.collection(source) + "/items?" + aroundFar);
    assertEquals(List.of("far " + source), Json.elements(found.get("features")).stream()
        .map(feature -> feature.path("properties").path("name").asText()).toList(), source.label() + " bbox");
    Instant deadline = Instant.now().plus(FOLLOWING);
    while (!covers(extent(source), lon, lat)) {
      assertTrue(Instant.now().isBefore(deadline), source.label() + " after " + FOLLOWING.toSeconds()
          + " s the extent is still " + extent(source));
      Thread.sleep(250);
    }
  }

  private Api api(Source source) {
    return data.api(source);
  }

  private long numberMatched(Source source, String query) {
    JsonNode page = api(source).json(data.collection(source) + "/items" + query);
    assertTrue(page.path("numberMatched").isIntegralNumber(), source.label() + " no numberMatched for " + query);
    return page.path("numberMatched").asLong();
  }

  private JsonNode extent(Source source) {
    return api(source).json(data.collection(source)).path("extent").path("spatial").path("bbox").path(0);
  }

  private static boolean covers(JsonNode bbox, double lon, double lat) {
    return bbox.size() == 4 && bbox.get(0).asDouble() <= lon && lon <= bbox.get(2).asDouble()
        && bbox.get(1).asDouble() <= lat && lat <= bbox.get(3).asDouble();
  }
}
