package io.urbis.conformance.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Walks the {@code next} (or {@code prev}) links of feature collection pages. */
public final class FeaturePages {

  private static final int MAX_PAGES = 2_000;

  private FeaturePages() {}

  /** The page at {@code first} and every page reached from it by links of relation {@code rel}, in order. */
  public static List<JsonNode> follow(Api api, String first, String rel) {
    List<JsonNode> pages = new ArrayList<>();
    Set<String> visited = new HashSet<>();
    Optional<String> target = Optional.of(first);
    while (target.isPresent()) {
      String url = api.uri(target.get()).toString();
      assertTrue(visited.add(url), "the " + rel + " links run in a circle at " + url);
      assertTrue(pages.size() < MAX_PAGES, "more than " + MAX_PAGES + " pages from " + first);
      JsonNode page = api.json(url);
      pages.add(page);
      boolean emptyLaterPage = pages.size() > 1 && Json.elements(page.get("features")).isEmpty();
      target = emptyLaterPage ? Optional.empty() : link(page, rel);
    }
    return pages;
  }

  /** The GeoJSON link of this relation (or the only one of this relation). */
  public static Optional<String> link(JsonNode page, String rel) {
    return Links.href(page, rel, MediaTypes.GEOJSON).or(() -> Links.href(page, rel));
  }

  public static List<JsonNode> features(List<JsonNode> pages) {
    return pages.stream().flatMap(page -> Json.elements(page.get("features")).stream()).toList();
  }

  /** Every feature a request selects, over all its pages. */
  public static List<JsonNode> all(Api api, String target) {
    return features(follow(api, target, "next"));
  }

  /**
   * {@code /collections/{collectionId}/items/{featureId}} of the feature with this key, under the feature id the
   * server gives it (for poi in a GeoPackage an integer, see {@link Layer#keyOf}).
   */
  public static String path(Api api, Layer layer, String key) {
    JsonNode feature = all(api, layer.items() + "?limit=" + KeySets.PAGE).stream()
        .filter(candidate -> key.equals(layer.keyOf(candidate))).findFirst()
        .orElseThrow(() -> new AssertionError(layer + ": no feature with the key " + key));
    return layer.items() + "/" + Api.encode(feature.path("id").asText());
  }

  /** The keys of features, asserting that none appears twice. */
  public static Set<String> keys(Layer layer, List<JsonNode> features) {
    Set<String> keys = new HashSet<>();
    features.forEach(feature -> assertTrue(keys.add(layer.keyOf(feature)),
        layer + ": feature " + layer.keyOf(feature) + " returned more than once"));
    return keys;
  }
}
