package io.urbis.conformance.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.FeaturePages;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.UrbisTest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code offset} on items, as MapServer, QGIS Server, pygeoapi and ldproxy take it: the page that many features
 * into the selection, in the order the {@code next} links walk it.
 */
@UrbisTest
@DisplayName("Parameter offset")
class OffsetTest {

  /** Not a divisor of any fixture count, so the last page is a partial one. */
  private static final int PAGE = 97;
  /** Pages of the 12,000 sensors: fewer requests for the walk. */
  private static final int LARGE_PAGE = 997;
  /** Not a multiple of either page size: offset pages then straddle the pages of the walk. */
  private static final int SHIFT = 13;
  private static final String WORLD = "&bbox=-180,-90,180,90";

  private final Api api;
  private final Truth truth;

  OffsetTest(Api api, Truth truth) {
    this.api = api;
    this.truth = truth;
  }

  @Test
  @DisplayName("an offset page holds the features that the next links reach at that position")
  void offsetPagesEqualNextLinkPages() {
    assertAll(Arrays.stream(Layer.values()).map(layer -> () -> assertOffsetPagesOf(layer, "")));
  }

  @Test
  @DisplayName("the same holds when a bbox selects the features")
  void offsetPagesWithBbox() {
    assertAll(Stream.of(Layer.BUILDINGS, Layer.POI).map(layer -> () -> assertOffsetPagesOf(layer, WORLD)));
  }

  @Test
  @DisplayName("the same holds for sorted pages")
  void offsetPagesWhenSorted() {
    assertOffsetPagesOf(Layer.BUILDINGS, "&sortby=-floors,name");
  }

  @Test
  @DisplayName("from an offset page, next links lead through the rest and prev to the features just before")
  void linksOfAnOffsetPage() {
    assertAll(Stream.of(Layer.BUILDINGS, Layer.STREETS, Layer.POI).map(layer -> () -> {
      List<String> walked = keys(layer, FeaturePages.all(api, layer.items() + "?limit=" + PAGE));
      int offset = PAGE + SHIFT;
      List<JsonNode> pages = FeaturePages.follow(api, layer.items() + "?limit=" + PAGE + "&offset=" + offset,
          "next");
      assertEquals(walked.subList(offset, walked.size()), keys(layer, FeaturePages.features(pages)),
          layer + ": the features from offset " + offset + " on, by next links");
      pages.stream().skip(1).map(page -> FeaturePages.link(page, "self").orElse("")).forEach(self ->
          assertFalse(self.contains("offset="), layer + ": a next link repeats the offset: " + self));
      String prev = FeaturePages.link(pages.get(0), "prev")
          .orElseThrow(() -> new AssertionError(layer + ": no prev link at offset " + offset));
      assertEquals(walked.subList(offset - PAGE, offset), keys(layer, Json.elements(api.json(prev).get("features"))),
          layer + ": the page before offset " + offset);
    }));
  }

  @Test
  @DisplayName("an offset at or beyond the last feature gives an empty page")
  void offsetBeyondTheEnd() {
    long buildings = truth.count(Layer.BUILDINGS);
    assertAll(Stream.of(Long.toString(buildings), Long.toString(buildings + 1000), "99999999999999999999").map(
        offset -> () -> {
          JsonNode page = api.json(Layer.BUILDINGS.items() + "?offset=" + offset);
          assertEquals(0, page.path("features").size(), "features at offset " + offset);
          assertEquals(0, page.path("numberReturned").asInt(-1), "numberReturned at offset " + offset);
          assertTrue(FeaturePages.link(page, "next").isEmpty(), "a next link after offset " + offset);
        }));
  }

  /** Every offset page of {@code layer} (at page starts, between them, at the end) against the walk. */
  private void assertOffsetPagesOf(Layer layer, String selection) {
    int page = truth.count(layer) > 2_000 ? LARGE_PAGE : PAGE;
    String items = layer.items() + "?limit=" + page + selection;
    List<String> walked = keys(layer, FeaturePages.all(api, items));
    int size = walked.size();
    assertAll(LongStream.of(0, SHIFT, page, page + SHIFT, size - SHIFT, size - 1)
        .filter(offset -> offset >= 0 && offset < size)
        .distinct().mapToObj(offset -> () -> {
          JsonNode offsetPage = api.json(items + "&offset=" + offset);
          List<String> expected = walked.subList((int) offset, (int) Math.min(offset + page, size));
          assertEquals(expected, keys(layer, Json.elements(offsetPage.get("features"))),
              layer + selection + ": the page at offset " + offset);
          assertEquals(expected.size(), offsetPage.path("numberReturned").asInt(-1),
              layer + selection + ": numberReturned at offset " + offset);
        }));
  }

  private static List<String> keys(Layer layer, List<JsonNode> features) {
    return features.stream().map(layer::keyOf).toList();
  }
}
