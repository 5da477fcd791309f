package io.urbis.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class OpenApiWriterTest {

  private final OpenAPI document = OpenApiBuilder.build(Fixtures.twoCollections());
  private final JsonNode tree = Fixtures.jsonTree(document);

  @Test
  void everyRefIsLocalAndResolves() {
    List<String> refs = new ArrayList<>();
    walk(tree, "", (pointer, node) -> {
      JsonNode ref = node.get("$ref");
      if (node.isObject() && ref != null) {
        refs.add(ref.asText());
        assertTrue(ref.asText().startsWith("#/"), pointer + ": external $ref " + ref);
        assertFalse(tree.at(ref.asText().substring(1)).isMissingNode(),
            pointer + ": $ref " + ref + " resolves to nothing");
      }
    });
    assertTrue(refs.size() > 50, "the walk should have met the references, saw " + refs.size());
  }

  @Test
  void writesNoNulls() {
    walk(tree, "", (pointer, node) -> assertFalse(node.isNull(), pointer + " is null"));
  }

  @Test
  void yamlReadsBackAsTheJsonTree() throws Exception {
    assertEquals(tree, Yaml.mapper().readTree(OpenApiWriter.toYaml(document)));
  }

  @Test
  void swaggerParserFindsNothingToReport() {
    checkValid(OpenApiWriter.toJson(document));
    checkValid(OpenApiWriter.toYaml(document));
  }

  @Test
  void documentWithoutCollectionsIsValidToo() {
    ApiDescription empty = new ApiDescription("t", null, "1", "http://x", 10, 100, List.of());
    checkValid(OpenApiWriter.toJson(OpenApiBuilder.build(empty)));
  }

  @Test
  void documentWithTheOperationsOfAWritableCollectionIsValidToo() {
    ApiDescription writable = new ApiDescription("t", null, "1", "http://x", 10, 100, List.of(
        new CollectionDescription("buildings", null, null, List.of(new QueryableProperty("name", "string")),
            List.of(Fixtures.CRS84), false, false, true)));
    checkValid(OpenApiWriter.toJson(OpenApiBuilder.build(writable)));
  }

  private static void checkValid(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    assertEquals(List.of(), result.getMessages());
    assertEquals("3.0.3", result.getOpenAPI().getOpenapi());
  }

  /** Visits every node with its JSON pointer, parents before children. */
  private static void walk(JsonNode node, String pointer, BiConsumer<String, JsonNode> visitor) {
    visitor.accept(pointer, node);
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String escaped = field.getKey().replace("~", "~0").replace("/", "~1");
        walk(field.getValue(), pointer + "/" + escaped, visitor);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), pointer + "/" + i, visitor);
      }
    }
  }
}
