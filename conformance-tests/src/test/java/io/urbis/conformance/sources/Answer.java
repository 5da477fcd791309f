package io.urbis.conformance.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.urbis.conformance.support.Api;
import io.urbis.conformance.support.FeaturePages;
import io.urbis.conformance.support.MediaTypes;
import io.urbis.conformance.support.Reply;
import java.util.List;

/**
 * What one server answered to one {@link Request}: every feature over all the next pages, and the facts of the pages.
 *
 * @param contentCrs the Content-Crs header of the first page
 * @param pageSizes the number of features on each page (none for a single feature)
 * @param numberMatched the first page's numberMatched (missing for a single feature)
 * @param features every feature, in order
 */
record Answer(String contentCrs, List<Integer> pageSizes, JsonNode numberMatched, List<JsonNode> features) {

  static Answer of(Api api, Request request) {
    String target = request.target(api);
    Reply first = api.get(target, "Accept", MediaTypes.GEOJSON);
    assertEquals(200, first.status(), () -> api.source().label() + " " + first.describe());
    String contentCrs = first.header("Content-Crs").orElse("(none)");
    JsonNode body = first.json();
    if ("Feature".equals(body.path("type").asText())) {
      return new Answer(contentCrs, List.of(), MissingNode.getInstance(), List.of(body));
    }
    List<JsonNode> pages = FeaturePages.follow(api, target, "next");
    return new Answer(contentCrs, pages.stream().map(page -> page.path("features").size()).toList(),
        pages.get(0).path("numberMatched"), FeaturePages.features(pages));
  }

  /** This answer with the first two ordinates of every position swapped, under another Content-Crs. */
  Answer withAxesSwapped(String swappedContentCrs) {
    return new Answer(swappedContentCrs, pageSizes, numberMatched, features.stream().map(feature -> {
      ObjectNode copy = feature.deepCopy();
      copy.set("geometry", swapped(feature.get("geometry")));
      return (JsonNode) copy;
    }).toList());
  }

  private static JsonNode swapped(JsonNode node) {
    if (node == null || node.isNull() || node.isValueNode()) {
      return node;
    }
    if (node.isArray() && node.size() >= 2 && node.get(0).isNumber()) {
      ArrayNode position = node.deepCopy();
      position.set(0, node.get(1));
      position.set(1, node.get(0));
      return position;
    }
    if (node.isArray()) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> array.add(swapped(element)));
      return array;
    }
    ObjectNode object = node.deepCopy();
    node.properties().forEach(member -> object.set(member.getKey(), swapped(member.getValue())));
    return object;
  }
}
