package io.urbis.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditingOperationsTest {

  private static final CollectionDescription WRITABLE = new CollectionDescription("buildings", "Buildings", null,
      List.of(new QueryableProperty("name", "string")), List.of(Fixtures.CRS84, Fixtures.EPSG_25832), false, false,
      true);
  private static final CollectionDescription READ_ONLY = new CollectionDescription("trees", null, null,
      List.of(), List.of(), false, false);

  private final JsonNode document = Fixtures.jsonTree(OpenApiBuilder.build(new ApiDescription("Urbis", "", "1.0.0",
      "https://example.org/urbis", 10, 100, List.of(WRITABLE, READ_ONLY))));

  @Test
  void aCollectionItsReaderMayChangeHasTheOperationsOfPart4() {
    JsonNode items = document.at("/paths/~1collections~1buildings~1items");
    assertEquals(List.of("get", "post"), methods(items));
    assertEquals("buildings.createFeature", items.at("/post/operationId").asText());
    assertEquals("#/components/schemas/featureGeoJSON_buildings",
        items.at("/post/requestBody/content/application~1geo+json/schema/$ref").asText());
    assertTrue(items.at("/post/responses/201/headers").has("Location"));
    JsonNode item = document.at("/paths/~1collections~1buildings~1items~1{featureId}");
    assertEquals(List.of("get", "put", "delete", "patch"), methods(item));
    assertTrue(item.at("/patch/requestBody/content").has("application/merge-patch+json"));
    assertTrue(item.at("/put/responses").has("412"));
    assertEquals(List.of("<" + Fixtures.CRS84 + ">", "<" + Fixtures.EPSG_25832 + ">"),
        strings(item.at("/put/parameters/1/schema/enum")));
  }

  @Test
  void aCollectionItsReaderMayOnlyReadHasNoneOfThem() {
    assertEquals(List.of("get"), methods(document.at("/paths/~1collections~1trees~1items")));
    assertEquals(List.of("get"), methods(document.at("/paths/~1collections~1trees~1items~1{featureId}")));
    assertFalse(document.toString().contains("trees.createFeature"));
  }

  private static List<String> methods(JsonNode path) {
    List<String> methods = new ArrayList<>();
    path.fieldNames().forEachRemaining(methods::add);
    return methods;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
