package io.urbis.conformance.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.FeaturePages;
import io.urbis.conformance.support.Json;
import io.urbis.conformance.support.KeySets;
import io.urbis.conformance.support.Layer;
import io.urbis.conformance.support.Selection;
import io.urbis.conformance.support.Truth;
import io.urbis.conformance.support.UrbisTest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The next and prev links of /req/core/fc-links and /rec/core/fc-next-1, walked to the end and back. */
@UrbisTest
@DisplayName("Paging through {root}/collections/{collectionId}/items")
class PagingTest {

  /** Not a divisor of any fixture count, so the last page is a partial one. */
  private static final int PAGE = 97;

  private final Api api;
  private final Truth truth;

  PagingTest(Api api, Truth truth) {
    this.api = api;
    this.truth = truth;
  }

  @Test
  @DisplayName("/conf/core/fc-links: following next returns every feature exactly once")
  void nextLinksReturnEveryFeatureOnce() {
    assertAll(Arrays.stream(Layer.values()).map(layer -> () -> {
      List<JsonNode> pages = FeaturePages.follow(api, layer.items() + "?limit=" + PAGE, "next");
      pages.forEach(page -> assertTrue(page.path("features").size() <= PAGE, layer + ": a page exceeds the limit"));
      KeySets.assertSame(truth.keys(Selection.all(layer)), FeaturePages.keys(layer, FeaturePages.features(pages)),
          layer + " paged by " + PAGE);
    }));
  }

  @Test
  @DisplayName("/conf/core/fc-links: prev leads back page by page")
  void prevLinksLeadBack() {
    assertAll(Arrays.stream(Layer.values()).filter(layer -> truth.count(layer) > PAGE).map(layer -> () -> {
      List<JsonNode> forward = FeaturePages.follow(api, layer.items() + "?limit=" + PAGE, "next");
      JsonNode last = forward.get(forward.size() - 1);
      List<JsonNode> backward = FeaturePages.follow(api, FeaturePages.link(last, "self").orElseThrow(), "prev");
      assertTrue(backward.size() >= forward.size(), layer + ": the prev links end after " + backward.size()
          + " of " + forward.size() + " pages");
      for (int i = 0; i < forward.size(); i++) {
        assertEquals(keys(layer, forward.get(forward.size() - 1 - i)), keys(layer, backward.get(i)),
            layer + ": page " + (forward.size() - i) + " reached by prev differs from the one reached by next");
      }
    }));
  }

  private static Set<String> keys(Layer layer, JsonNode page) {
    return new HashSet<>(Json.elements(page.get("features")).stream().map(layer::keyOf).toList());
  }
}
